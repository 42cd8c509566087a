import Directory

public enum OfficeDirectoryPage {
    public struct Row: Sendable {
        public let office: Office
        public let powiatNames: [String]
        public init(office: Office, powiatNames: [String]) { self.office = office; self.powiatNames = powiatNames }
    }

    /// What the postal-code part of a search found.
    public enum PostalResult: Sendable {
        case found(code: String, locality: String, powiat: String, overridden: Bool, office: Office)
        case notFound(code: String, suggestions: [String])
    }

    public struct Model: Sendable {
        public let query: String
        public let voivodeship: String?
        public let voivodeships: [Voivodeship]
        public let postal: PostalResult?
        public let rows: [Row]
        /// The rows already written (the whole directory, the same for every visitor of a language).
        public var rowsHTML: String? = nil
        public init(query: String, voivodeship: String?, voivodeships: [Voivodeship], postal: PostalResult?, rows: [Row]) {
            self.query = query; self.voivodeship = voivodeship; self.voivodeships = voivodeships
            self.postal = postal; self.rows = rows
        }
    }
}
