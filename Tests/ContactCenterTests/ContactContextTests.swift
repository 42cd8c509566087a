import Testing
import Foundation
import Identity
@testable import ContactCenter

@Suite struct ContactContextTests {
    let call = ContactContext(caller: "+48600100200", identifiedBy: .postalCode, postalCode: try! PostalCode("15371"), powiat: "2061",
                              ivrPath: ["welcome", "postal", "topic"], keys: [.init(step: "postal", digits: "15371"), .init(step: "topic", digits: "2")],
                              origin: .voicemail)

    @Test func aContextSurvivesItsStoredFormWithItsVersion() throws {
        let json = try JSONEncoder().encode(call)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["v"] as? Int == ContactContext.version && object["postal_code"] as? String == "15-371")
        #expect(object["email"] == nil, "absent fields are not written")
        #expect(try JSONDecoder().decode(ContactContext.self, from: json) == call)
    }

    @Test func rowsWrittenBeforeTheVersionStillRead() throws {
        let old = #"{"caller":"+48600100200","identified_by":"postal_code","postal_code":"15-371","ivr_path":"welcome › postal › topic","#
            + #""digits":"postal: 15371, topic: 2","source":"voicemail","powiat":"2061"}"#
        #expect(try JSONDecoder().decode(ContactContext.self, from: Data(old.utf8)) == call)
        let callback = #"{"phone":"+48600100200","attempt":"2","previous":"6F9619FF-8B86-D011-B42D-00C04FC964FF","logged_by":"consultant"}"#
        let c = try JSONDecoder().decode(ContactContext.self, from: Data(callback.utf8))
        #expect(c.attempt == 2 && c.previous == UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF") && c.origin == .consultant)
        #expect(try JSONDecoder().decode(ContactContext.self, from: Data("{}".utf8)) == ContactContext())
    }

    @Test func theScreenPopReadsNamedLinesInAFixedOrder() {
        let lines = call.lines.map { "\($0.name)=\($0.value)" }
        #expect(lines == ["caller=+48600100200", "digits=postal: 15371, topic: 2", "identified_by=postal_code",
                          "ivr_path=welcome › postal › topic", "postal_code=15-371", "powiat=2061", "source=voicemail"])
        #expect(ContactContext(origin: .consultant).lines.map(\.name) == ["logged_by"])
    }

    @Test func aCallbackTriedAgainCountsOnAndPointsBack() {
        let first = ContactContext(phone: "+48600100200", attempt: 1)
        let id = UUID()
        let second = first.nextAttempt(after: id)
        #expect(second.attempt == 2 && second.previous == id && second.phone == first.phone)
        #expect(ContactContext().nextAttempt(after: id).attempt == 2, "no attempt written means the first")
    }
}
