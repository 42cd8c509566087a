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
            let components = try #require(doc["components"] as? [String: [String: Any]])
            let text = String(decoding: body, as: UTF8.self)
            let refs = text.matches(of: /"\$ref": "#\/components\/(\w+)\/(\w+)"/).map { (String($0.1), String($0.2)) }
            #expect(!refs.isEmpty && refs.allSatisfy { components[$0.0]?[$0.1] != nil }, "\(refs.filter { components[$0.0]?[$0.1] == nil })")
            func resolved(_ r: [String: Any]) -> [String: Any]? {
                guard let ref = r["$ref"] as? String else { return r }
                return components["responses"]?[String(ref.split(separator: "/").last!)] as? [String: Any]
            }
            for (path, ops) in paths {
                for (method, op) in ops {
                    let responses = try #require((op as? [String: Any])?["responses"] as? [String: [String: Any]])
                    #expect(responses.keys.contains { $0.hasPrefix("2") }, "\(method) \(path)")
                    for (code, r) in responses where code.hasPrefix("4") {
                        #expect((resolved(r)?["content"] as? [String: Any])?["application/problem+json"] != nil, "\(method) \(path) \(code)")
                    }
                }
            }
        }
    }
}
