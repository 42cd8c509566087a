import Foundation

/// Public holidays (dni wolne od pracy) under the act of 18 January 1951, as amended: Epiphany
/// from 2011, Christmas Eve from 2025.
public enum PolishHoliday: String, CaseIterable, Sendable, Codable {
    case newYear = "new_year"
    case epiphany
    case easterSunday = "easter_sunday"
    case easterMonday = "easter_monday"
    case labourDay = "labour_day"
    case constitutionDay = "constitution_day"
    case pentecost
    case corpusChristi = "corpus_christi"
    case assumption
    case allSaints = "all_saints"
    case independenceDay = "independence_day"
    case christmasEve = "christmas_eve"
    case christmasDay = "christmas_day"
    case secondDayOfChristmas = "second_day_of_christmas"

    /// The Polish name, as in the act.
    public var polishName: String {
        switch self {
        case .newYear: "Nowy Rok"
        case .epiphany: "Święto Trzech Króli"
        case .easterSunday: "Wielkanoc"
        case .easterMonday: "Poniedziałek Wielkanocny"
        case .labourDay: "Święto Pracy"
        case .constitutionDay: "Święto Narodowe Trzeciego Maja"
        case .pentecost: "Zielone Świątki"
        case .corpusChristi: "Boże Ciało"
        case .assumption: "Wniebowzięcie Najświętszej Maryi Panny"
        case .allSaints: "Wszystkich Świętych"
        case .independenceDay: "Narodowe Święto Niepodległości"
        case .christmasEve: "Wigilia Bożego Narodzenia"
        case .christmasDay: "Boże Narodzenie (pierwszy dzień)"
        case .secondDayOfChristmas: "Boże Narodzenie (drugi dzień)"
        }
    }

    /// Western Easter Sunday (anonymous Gregorian algorithm).
    public static func easter(_ year: Int) -> LocalDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)
    }

    /// Every holiday of a year, in date order.
    public static func holidays(in year: Int) -> [(date: LocalDate, holiday: PolishHoliday)] {
        let easter = easter(year)
        var list: [(LocalDate, PolishHoliday)] = [
            (LocalDate(year: year, month: 1, day: 1), .newYear),
            (easter, .easterSunday),
            (easter.adding(days: 1), .easterMonday),
            (LocalDate(year: year, month: 5, day: 1), .labourDay),
            (LocalDate(year: year, month: 5, day: 3), .constitutionDay),
            (easter.adding(days: 49), .pentecost),
            (easter.adding(days: 60), .corpusChristi),
            (LocalDate(year: year, month: 8, day: 15), .assumption),
            (LocalDate(year: year, month: 11, day: 1), .allSaints),
            (LocalDate(year: year, month: 11, day: 11), .independenceDay),
            (LocalDate(year: year, month: 12, day: 25), .christmasDay),
            (LocalDate(year: year, month: 12, day: 26), .secondDayOfChristmas),
        ]
        if year >= 2011 { list.append((LocalDate(year: year, month: 1, day: 6), .epiphany)) }
        if year >= 2025 { list.append((LocalDate(year: year, month: 12, day: 24), .christmasEve)) }
        return list.sorted { $0.0 < $1.0 }.map { (date: $0.0, holiday: $0.1) }
    }

    public static func holiday(on date: LocalDate) -> PolishHoliday? {
        holidays(in: date.year).first { $0.date == date }?.holiday
    }
}
