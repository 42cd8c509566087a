import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App

/// The OpenAPI document names every API operation the application registers and nothing it
/// does not, and every schema it refers to exists. (Whether the answers match it is
/// schemathesis's part, against a live server, in the test command.)
@Suite struct OpenAPITests {
    @Test func theDocumentDescribesExactlyTheRegisteredAPIRoutes() async throws {
        try await withTestApp { app in
            var body = Data()
            try await app.testing().test(.GET, "/api/openapi.json") { res in
                #expect(res.status == .ok && res.headers.contentType == .json)
                body = Data(res.body.readableBytesView)
            }
            let doc = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(doc["openapi"] as? String == "3.1.0")
            let paths = try #require(doc["paths"] as? [String: [String: Any]])
            let documented = Set(paths.flatMap { path, ops in ops.keys.map { $0.uppercased() + " " + path } })
            let registered = Set(app.routes.all.compactMap { route -> String? in
                let path = "/" + route.path.map { c -> String in
                    if case .parameter(let name) = c { return "{\(name)}" }
                    return c.description
                }.joined(separator: "/")
                return path.hasPrefix("/api/v1/") ? route.method.rawValue + " " + path : nil
            })
            #expect(documented == registered, "documented only: \(documented.subtracting(registered).sorted()); registered only: \(registered.subtracting(documented).sorted())")

            // Every reference resolves; every error answer is a problem document.
            let schemas = try #require((doc["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let text = String(decoding: body, as: UTF8.self)
            let refs = text.matches(of: /"\$ref": "#\/components\/schemas\/(\w+)"/).map { String($0.1) }
            #expect(!refs.isEmpty && refs.allSatisfy { schemas[$0] != nil }, "\(Set(refs).subtracting(schemas.keys))")
            for (path, ops) in paths {
                for (method, op) in ops {
                    let responses = try #require((op as? [String: Any])?["responses"] as? [String: [String: Any]])
                    #expect(responses["200"] != nil, "\(method) \(path)")
                    for (code, r) in responses where code.hasPrefix("4") {
                        #expect((r["content"] as? [String: Any])?["application/problem+json"] != nil, "\(method) \(path) \(code)")
                    }
                }
            }
        }
    }
}
