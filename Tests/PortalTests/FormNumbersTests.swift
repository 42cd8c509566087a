import Testing
import Portal

struct FormNumbersTests {
    @Test func amountsAsPeopleTypeThemAndNothingElse() {
        #expect(DecimalText.parse("6500") == 6500)
        #expect(DecimalText.parse("6 500,50") == 6500.5)
        #expect(DecimalText.parse("6\u{00A0}500.5") == 6500.5)
        for bad in ["0x10", "1e9", "inf", "nan", "-", "1.2.3", ".5", "5.", "12zł", "", "+5"] { #expect(DecimalText.parse(bad) == nil, "\(bad)") }
    }

    @Test func countryCodesAreTheAssignedOnes() {
        #expect(CountryCode.all.count == 249)
        #expect(CountryCode.isAssigned("de") && CountryCode.isAssigned("NO") && CountryCode.isAssigned("PL"))
        #expect(!CountryCode.isAssigned("XX") && !CountryCode.isAssigned("EU") && !CountryCode.isAssigned("POL"))
    }
}
