import Foundation
import Localization
import Directory

/// What every page needs besides its own model: the visitor's language and where they are.
public struct PageContext: Sendable {
    public let language: Language
    public let catalogue: Catalogue
    /// The path of the current page without the query, for the language switcher and nav.
    public let path: String
    /// Query items of the current page other than `lang`, kept by the language switcher.
    public let query: [(String, String)]
    public let requestID: String?
    /// The anti-forgery token every form carries (hidden field `_csrf`).
    public let csrfToken: String
    /// The signed-in account's e-mail, for the header; nil when nobody is signed in.
    public let signedInAs: String?
    /// The browser holds a chat (its cookie): every portal page shows it live.
    public let chatOpen: Bool
    /// When the contact centre answers (`CONTACT_CENTRE_HOURS`): the header, home, chat and
    /// callback pages say it from here.
    public let contactHours: WeeklyHours
    /// Set on staff pages: they get the workstation shell instead of the public one.
    public var staff: StaffShell? = nil
    /// The deployment's own name, logo and colours, when it set them.
    public var theme = PageTheme()
    /// The main menu the portal's editors built (nil: the standard navigation).
    public var mainMenu: [MenuLink]? = nil

    /// The service's name: the deployment's own, or the bundled one in the page's language.
    public var siteName: String { theme.name ?? catalogue.text("site.name") }

    public init(language: Language, path: String, query: [(String, String)] = [], requestID: String? = nil,
                csrfToken: String = "", signedInAs: String? = nil, chatOpen: Bool = false, contactHours: WeeklyHours = .contactCentre,
                catalogues: Catalogues = .bundled) {
        self.chatOpen = chatOpen
        self.contactHours = contactHours
        self.csrfToken = csrfToken
        self.signedInAs = signedInAs
        self.language = language
        self.catalogue = catalogues[language]
        self.path = path
        self.query = query.filter { $0.0 != "lang" }
        self.requestID = requestID
    }

    /// The contact centre's hours in words: "pon.–pt. 8:00–18:00".
    public var hoursText: String { HoursText.text(contactHours, .short, self) }
    public var hoursLongText: String { HoursText.text(contactHours, .long, self) }

    public func t(_ key: String, _ args: [String: String] = [:]) -> String { catalogue.text(key, args) }
    public func plural(_ key: String, _ count: Int, _ args: [String: String] = [:]) -> String {
        catalogue.plural(key, count: count, args)
    }

    /// The current page in another language.
    public func link(to language: Language) -> String {
        let items = query + [("lang", language.rawValue)]
        return path + "?" + items.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static let unreserved: CharacterSet = { var allowed = CharacterSet.alphanumerics; allowed.insert(charactersIn: "-._~"); return allowed }()

    static func encode(_ s: String) -> String {
        // Most values (a page number, "pl") need nothing: no Foundation round trip for them.
        if s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x2E || $0 == 0x5F || $0 == 0x7E }) {
            return s
        }
        return s.addingPercentEncoding(withAllowedCharacters: unreserved) ?? s
    }
}

/// What a deployment's theme changes on every page.
public struct PageTheme: Sendable {
    public var name: String?
    /// The theme's stylesheet (colours) with a version in its query, so a change is seen at once.
    public var stylesheet: String?
    public var logo: String?
    public init(name: String? = nil, stylesheet: String? = nil, logo: String? = nil) { self.name = name; self.stylesheet = stylesheet; self.logo = logo }
}

/// An entry of an editors' menu as a page shows it: its label in the page's language, where it
/// leads, and its sub-entries.
public struct MenuLink: Sendable {
    public let label: String
    public let href: String
    public let children: [MenuLink]
    public init(label: String, href: String, children: [MenuLink] = []) { self.label = label; self.href = href; self.children = children }
}
