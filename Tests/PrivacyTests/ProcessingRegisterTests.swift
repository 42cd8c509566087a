import Testing
@testable import Privacy

/// The register is complete as the seed policy lists it: its purposes, grounds and times.
struct ProcessingRegisterTests {
    @Test func theSeedsPurposesAreThereWithTheirGroundsAndTimes() throws {
        let ids = Set(ProcessingRegister.purposes.map(\.id))
        #expect(ids.count == ProcessingRegister.purposes.count, "one entry per purpose")
        for id in ["phone_line", "portal_account", "forms_and_email", "chat", "newsletter", "recruitment", "surveys", "statistics",
                   "complaints", "sign_language_video"] {
            #expect(ids.contains(id), "\(id)")
        }
        // Consent for the account, the newsletter and recruitment; a legal obligation for the rest of the seed's list.
        #expect(try #require(ProcessingRegister.purpose("portal_account")).basis == .consent)
        #expect(try #require(ProcessingRegister.purpose("newsletter")).retention == .untilWithdrawn)
        #expect(try #require(ProcessingRegister.purpose("phone_line")).retention == .yearsSinceLastContact(5))
        #expect(try #require(ProcessingRegister.purpose("phone_line")).categories.contains(.pesel))
        #expect(ProcessingRegister.purposes.allSatisfy { !$0.categories.isEmpty && !$0.recipients.isEmpty })
        // Each profiling case belongs to a purpose.
        #expect(Set(ProcessingRegister.purposes.flatMap(\.profiling)) == Set(ProfilingCase.allCases))
    }

    @Test func fullTextTablesBelongWithTheirIndex() {
        #expect(ProcessingRegister.purpose(ofTable: "cv_search_fts_data")?.id == "portal_account")
        #expect(ProcessingRegister.accounts(for: "offer_search_fts_idx"))
        #expect(!ProcessingRegister.accounts(for: "a_new_table"))
    }
}
