import Testing
import Foundation
import Vapor
import VaporTesting
@testable import App
import Privacy
import Localization

/// `/privacy` is the register of processing in the reader's language: every purpose with its
/// data, ground, time kept and recipients, the profiling cases and the rights — and nothing
/// the catalogue lacks.
@Suite struct PrivacyPolicyPageTests {
    @Test func thePolicyIsTheRegisterInEachLanguage() async throws {
        try await withTestApp { app in
            for language in Language.allCases {
                let t = Catalogues.bundled[language]
                try await app.testing().test(.GET, "/privacy?lang=\(language.rawValue)") { res in
                    #expect(res.status == .ok)
                    let html = HTMLScan.decode(res.body.string)
                    #expect(!html.contains("privacy."), "a catalogue key shown as text in \(language)")
                    for p in ProcessingRegister.purposes {
                        #expect(html.contains(t.text("privacy.purpose." + p.id)), "\(p.id) in \(language)")
                        for c in p.categories { #expect(html.contains(t.text("privacy.data." + c.rawValue)), "\(c) in \(language)") }
                    }
                    for c in ProfilingCase.allCases { #expect(html.contains(t.text("privacy.profiling." + c.rawValue))) }
                    for r in DataSubjectRight.allCases { #expect(html.contains(t.text("privacy.right." + r.rawValue))) }
                    #expect(html.contains("iodkg@ohp.pl") && html.contains("href=\"/privacy\""))
                }
            }
        }
    }
}
