import Vapor

/// Answers a request that has had no response for REQUEST_TIMEOUT_SECONDS with 503 and
/// Retry-After, in the visitor's language, instead of leaving the visitor (or the carrier, or an
/// app) waiting for ever on a database call that will never return (seen when PostgreSQL
/// restarts mid-query). The handler is left to finish or not on its own (see `Deadline`); its
/// transaction, if the database ever answers, commits or rolls back whole, which is why the
/// page says the change may or may not have been made. Only producing the response is timed:
/// a streamed body or an open WebSocket is not cut.
struct RequestDeadlineMiddleware: AsyncMiddleware {
    let limit: Duration

    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        switch await Deadline.run(limit, { try await next.respond(to: req) }) {
        case .finished(let response): return response
        case .failed(let error): throw error
        case .overran:
            req.logger.error("request overran its deadline", metadata: ["deadline": "\(limit)"])
            throw RequestOverran()
        }
    }
}

/// What `RequestDeadlineMiddleware` answers with; the error middleware words it.
struct RequestOverran: Error {}
