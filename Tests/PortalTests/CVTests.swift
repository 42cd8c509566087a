import Testing
import Foundation
import Portal

struct CVTests {
    @Test func nothingIsSharedUntilChosenAndTheTitleNeverIs() {
        var cv = CVDraft(title: "Moje CV", desiredJob: "Kucharz", education: .secondary, experienceMonths: 24, experience: "Bar mleczny",
                         skills: "Kuchnia polska")
        #expect(cv.sharedOnly.isEmpty)
        cv.shared = [.experience]
        let shared = cv.sharedOnly
        #expect(shared.experienceMonths == 24 && shared.experience == "Bar mleczny")
        #expect(shared.desiredJob == nil && shared.education == nil && shared.skills == nil)
        cv.shared = Set(CVSection.allCases)
        let data = String(decoding: try! JSONEncoder().encode(cv.sharedOnly), as: UTF8.self)
        #expect(!data.contains("Moje CV"))
    }

    @Test func aPDFIsToldByItsContent() throws {
        let pdf = Data("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".utf8)
        try CVFile.check(pdf)
        #expect(throws: CVFile.Problem.notPDF) { try CVFile.check(Data("GIF89a%%EOF".utf8)) }
        #expect(throws: CVFile.Problem.notPDF) { try CVFile.check(Data("%PDF-1.4 truncated".utf8)) }
        #expect(throws: CVFile.Problem.empty) { try CVFile.check(Data()) }
        #expect(throws: CVFile.Problem.tooBig) { try CVFile.check(Data(count: CVFile.maximumBytes + 1)) }
    }

    @Test func problemsNameTheirFields() {
        let cv = CVDraft(title: "", desiredJob: String(repeating: "x", count: 201), occupationCode: "999999", experienceMonths: -1,
                         languages: [LanguageRequirement(language: "ENG", level: .b2)])
        let fields = Set(cv.problems(occupationExists: { _ in false }).map(\.field))
        #expect(fields == ["title", "desired_job", "occupation", "experience_months", "languages"])
    }
}
