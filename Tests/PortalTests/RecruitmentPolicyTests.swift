import Testing
import Foundation
@testable import Portal

/// The pipeline's rules: forward or out, past "found" only with consent, nothing once the
/// candidate declined or withdrew or the order ended; answers only in their turn.
@Suite struct RecruitmentPolicyTests {
    let open = RecruitmentOrder(offerID: UUID(), companyID: UUID(), officeID: "pup-2002", orderedBy: nil, requirements: "", createdAt: Date())
    func candidate(_ stage: RecruitmentStage, _ consent: RecruitmentConsent?) -> RecruitmentCandidate {
        RecruitmentCandidate(orderID: open.id, cvID: UUID(), accountID: UUID(), source: .search, stage: stage, consent: consent, createdAt: Date())
    }

    @Test func stagesGoForwardOrOutAndPastFoundOnlyWithConsent() throws {
        #expect(RecruitmentPolicy.choices(candidate(.found, nil), in: open) == [.rejected])
        #expect(RecruitmentPolicy.choices(candidate(.found, .given), in: open) == [.screened, .shortlisted, .presented, .hired, .rejected])
        #expect(RecruitmentPolicy.choices(candidate(.presented, .given), in: open) == [.hired, .rejected])
        #expect(RecruitmentPolicy.choices(candidate(.screened, .withdrawn), in: open).isEmpty)
        var closed = open
        closed.status = .closed
        #expect(RecruitmentPolicy.choices(candidate(.screened, .given), in: closed).isEmpty)
        #expect(throws: RecruitmentRefusal.needsConsent) { try RecruitmentPolicy.move(candidate(.found, .asked), in: open, to: .screened) }
        #expect(throws: RecruitmentRefusal.notAllowed(from: .presented, to: .found)) {
            try RecruitmentPolicy.move(candidate(.presented, .given), in: open, to: .found)
        }
        #expect(try RecruitmentPolicy.move(candidate(.found, .given), in: open, to: .presented) == .presented)
        #expect(candidate(.presented, .given).visibleToEmployer && !candidate(.shortlisted, .given).visibleToEmployer
                && !candidate(.presented, .withdrawn).visibleToEmployer)
    }

    @Test func answersComeInTheirTurn() throws {
        #expect(try RecruitmentPolicy.answer(.give, candidate(.found, .asked), in: open) == .given)
        #expect(try RecruitmentPolicy.answer(.decline, candidate(.found, .asked), in: open) == .declined)
        #expect(throws: RecruitmentRefusal.consentNotAskable(nil)) { try RecruitmentPolicy.answer(.give, candidate(.found, nil), in: open) }
        #expect(throws: RecruitmentRefusal.consentNotAskable(.asked)) { try RecruitmentPolicy.answer(.withdraw, candidate(.found, .asked), in: open) }
        var closed = open
        closed.status = .closed
        #expect(throws: RecruitmentRefusal.orderClosed) { try RecruitmentPolicy.answer(.give, candidate(.found, .asked), in: closed) }
        // A consent can be taken back even after the end.
        #expect(try RecruitmentPolicy.answer(.withdraw, candidate(.hired, .given), in: closed) == .withdrawn)
        #expect(throws: RecruitmentRefusal.consentNotAskable(.declined)) { try RecruitmentPolicy.canAsk(candidate(.found, .declined), in: open) }
    }
}
