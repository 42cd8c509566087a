import Directory

public enum OfficeDetailPage {
    public struct DayHours: Sendable {
        public let dayName: String
        public let hours: String?
        public init(dayName: String, hours: String?) { self.dayName = dayName; self.hours = hours }
    }

    public struct Model: Sendable {
        public let office: Office
        public let voivodeshipName: String
        public let powiatNames: [String]
        public let week: [DayHours]
        /// nil when the office's hours are not known.
        public let isOpenNow: Bool?
        public let regionalOffice: Office?
        /// The office's latest news and its voivodeship's.
        public let news: [NewsCard]
        /// The menu the office's editors built for its section.
        public let menu: [MenuLink]
        public init(office: Office, voivodeshipName: String, powiatNames: [String], week: [DayHours], isOpenNow: Bool?,
                    regionalOffice: Office?, news: [NewsCard] = [], menu: [MenuLink] = []) {
            self.news = news; self.menu = menu
            self.office = office; self.voivodeshipName = voivodeshipName; self.powiatNames = powiatNames
            self.week = week; self.isOpenNow = isOpenNow; self.regionalOffice = regionalOffice
        }
    }
}
