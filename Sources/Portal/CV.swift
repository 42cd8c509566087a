import Foundation

/// The parts of a CV a job seeker shares with employers one by one. Nothing is shared until
/// the seeker says so.
public enum CVSection: String, Sendable, CaseIterable, Codable {
    case desired, education, experience, languages, skills, licences, courses
}

/// A job seeker's CV as they write it. `title` is the seeker's own label for it (employers
/// never see it: people write names into titles).
public struct CVDraft: Sendable, Equatable, Codable {
    public var title: String
    public var desiredJob: String
    /// KZiS code of the job sought, when the seeker picked one.
    public var occupationCode: String?
    public var desiredLocality: String
    /// Where the seeker wants to work, so candidates can be found by place.
    public var postalCode: String?
    public var education: Education
    public var educationDetails: String
    public var experienceMonths: Int
    public var experience: String
    public var languages: [LanguageRequirement]
    public var skills: String
    public var licences: String
    public var courses: String
    public var shared: Set<CVSection>
    /// The work sought, beyond the occupation and place (all in the "desired" section; nil is
    /// "not said", which matching reads as "any").
    public var wish: WorkWish?

    public init(title: String, desiredJob: String, occupationCode: String? = nil, desiredLocality: String = "", postalCode: String? = nil,
                education: Education = .none, educationDetails: String = "", experienceMonths: Int = 0, experience: String = "",
                languages: [LanguageRequirement] = [], skills: String = "", licences: String = "", courses: String = "",
                shared: Set<CVSection> = [], wish: WorkWish? = nil) {
        self.title = title; self.desiredJob = desiredJob; self.occupationCode = occupationCode; self.desiredLocality = desiredLocality
        self.postalCode = postalCode; self.education = education; self.educationDetails = educationDetails
        self.experienceMonths = experienceMonths; self.experience = experience; self.languages = languages; self.skills = skills
        self.licences = licences; self.courses = courses; self.shared = shared; self.wish = wish
    }

    /// How many CVs one seeker may keep.
    public static let maximumPerSeeker = 5

    public func problems(occupationExists: (String) -> Bool) -> [OfferDraft.Problem] {
        var p: [OfferDraft.Problem] = []
        func length(_ field: String, _ value: String, min: Int = 0, max: Int) {
            if let problem = OfferDraft.Problem.length(field, value, min: min, max: max) { p.append(problem) }
        }
        length("title", title, min: 1, max: 100)
        length("desired_job", desiredJob, min: 1, max: 200)
        length("desired_locality", desiredLocality, max: 100)
        length("education_details", educationDetails, max: 3000)
        length("experience", experience, max: 5000)
        length("skills", skills, max: 2000)
        length("licences", licences, max: 1000)
        length("courses", courses, max: 2000)
        if let code = occupationCode, code.count != 6 || !occupationExists(code) { p.append(.init("occupation", "offer.error.occupation")) }
        if !(0...720).contains(experienceMonths) { p.append(.init("experience_months", "offer.error.experience")) }
        if languages.count > 8 { p.append(.init("languages", "offer.error.too_many_languages")) }
        if let w = wish { p += w.problems() }
        for l in languages where l.language.count != 2 || !l.language.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            p.append(.init("languages", "offer.error.language"))
        }
        return p
    }

    /// What an employer may see: every section not shared is emptied, and the seeker's own
    /// title is never part of it.
    public var sharedOnly: SharedCV {
        SharedCV(desiredJob: shared.contains(.desired) ? desiredJob : nil,
                 occupationCode: shared.contains(.desired) ? occupationCode : nil,
                 desiredLocality: shared.contains(.desired) && !desiredLocality.isEmpty ? desiredLocality : nil,
                 education: shared.contains(.education) ? education : nil,
                 educationDetails: shared.contains(.education) && !educationDetails.isEmpty ? educationDetails : nil,
                 experienceMonths: shared.contains(.experience) ? experienceMonths : nil,
                 experience: shared.contains(.experience) && !experience.isEmpty ? experience : nil,
                 languages: shared.contains(.languages) ? languages : nil,
                 skills: shared.contains(.skills) && !skills.isEmpty ? skills : nil,
                 licences: shared.contains(.licences) && !licences.isEmpty ? licences : nil,
                 courses: shared.contains(.courses) && !courses.isEmpty ? courses : nil,
                 wish: shared.contains(.desired) ? wish : nil)
    }
}

/// The shared sections of a CV; nil is "not shared" (or empty). This is all an employer ever
/// receives about a candidate.
public struct SharedCV: Sendable, Equatable, Codable {
    public var desiredJob: String?
    public var occupationCode: String?
    public var desiredLocality: String?
    public var education: Education?
    public var educationDetails: String?
    public var experienceMonths: Int?
    public var experience: String?
    public var languages: [LanguageRequirement]?
    public var skills: String?
    public var licences: String?
    public var courses: String?
    public var wish: WorkWish?

    public var isEmpty: Bool {
        desiredJob == nil && education == nil && experienceMonths == nil && languages == nil && skills == nil && licences == nil && courses == nil
    }
}

/// The uploaded CV file: a PDF, told by its content, at most 5 MB.
public enum CVFile {
    public static let maximumBytes = 5 * 1024 * 1024

    public enum Problem: String, Error, Sendable { case empty = "cv.file_missing", tooBig = "cv.file_too_big", notPDF = "cv.file_type" }

    /// A PDF starts with `%PDF-1.x` (readers accept it within the first KiB) and ends with an
    /// `%%EOF` marker near its end; a renamed image or document has neither.
    public static func check(_ data: Data) throws(Problem) {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= maximumBytes else { throw .tooBig }
        let head = data.prefix(1024)
        guard let start = head.firstRange(of: Data("%PDF-".utf8)), head.count >= start.upperBound + 3,
              let major = head[start.upperBound...].first, major == UInt8(ascii: "1") || major == UInt8(ascii: "2"),
              data.suffix(2048).firstRange(of: Data("%%EOF".utf8)) != nil else { throw .notPDF }
    }
}
