import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
@testable import Views

/// The scripts pages load are served as JavaScript and name the server's paths literally: the
/// route table builds them into the source, so nothing of the Swift side may be left in it.
@Suite struct ScriptAssetTests {
    @Test func everyScriptIsServedAndCarriesTheRoutesItCalls() async throws {
        try await withTestApp { app in
            let needs = [ChatScript.path: [SiteRoute.desktopSocket.path]]
            for (path, _) in SiteController.scripts {
                let needs = needs[path] ?? []
                try await app.testing().test(.GET, path) { res in
                    #expect(res.status == .ok, "\(path)")
                    #expect(res.headers.contentType?.description.contains("javascript") == true, "\(path)")
                    let body = res.body.string
                    #expect(!body.contains("SiteRoute") && !body.contains("\\#("), "no Swift in \(path)")
                    for p in needs { #expect(body.contains("\"\(p)\""), "\(path) calls \(p)") }
                }
            }
        }
    }
}
