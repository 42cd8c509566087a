import Testing
import Foundation
@testable import Reporting

struct StaffingAndCSVTests {
    @Test func theFewestAgentsThatReachTheTargetByErlangC() throws {
        // 200 calls an hour of 3 minutes: 10 Erlangs. 12 agents give 64 % within 20 s (the
        // textbook case), so 80 % needs more; and one fewer than the answer must miss it.
        let need = try #require(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 200, handleTime: 180))
        #expect(need.serviceLevel >= 0.8 && need.agents > 12)
        let fewer = ErlangC(arrivalsPerSecond: 200.0 / 3_600, handleTime: 180, agents: need.agents - 1)
        #expect(fewer.serviceLevel(within: 20) < 0.8)
        #expect(need.occupancy == 10.0 / Double(need.agents))
        #expect(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 0, handleTime: 180) == nil, "nothing arrives")
        #expect(StaffingNeed.forTarget(0.8, within: 20, arrivalsPerHour: 1, handleTime: 180)?.agents == 1)
    }

    @Test func csvOpensInAPolishSpreadsheet() {
        let csv = ReportCSV.render(header: ["Urząd", "Odebrane", "Poziom obsługi"],
                                   rows: [[.text("PUP w Białymstoku"), .integer(12), .decimal(0.8126, places: 3)],
                                          [.text("Urząd \"Zielony\"; filia"), .integer(0), .none]])
        // Byte by byte: a byte-order mark and CRLF are not separate characters to String.
        #expect(csv.utf8.starts(with: "\u{FEFF}Urząd;Odebrane;Poziom obsługi\r\n".utf8), "BOM, semicolons, CRLF")
        #expect(csv.contains("PUP w Białymstoku;12;0,813\r\n"), "a decimal comma")
        #expect(csv.contains("\"Urząd \"\"Zielony\"\"; filia\";0;\r\n"), "quotes doubled, a missing figure empty")
        #expect(ReportCSV.render(header: ["Uwagi"], rows: [[.text("dwie\r\nlinie")]]).utf8.elementsEqual("\u{FEFF}Uwagi\r\n\"dwie\r\nlinie\"\r\n".utf8),
                "a line break inside a field is quoted")
    }
}
