import Foundation

/// Every page of the portal: one place that knows the paths, so links are never spelled by hand.
/// The App module registers exactly these paths.
public enum SiteRoute: Sendable, Equatable {
    case home
    case offers
    case trainings
    case jobFairs
    case faq
    case contact
    case offices
    case office(id: String)
    case accessibility
    case stylesheet
    case register
    case registerEmployer
    case login
    case logout
    case account
    case verifyEmail
    case forgotPassword
    case resetPassword
    case devMail

    public var path: String {
        switch self {
        case .home: "/"
        case .offers: "/offers"
        case .trainings: "/trainings"
        case .jobFairs: "/job-fairs"
        case .faq: "/faq"
        case .contact: "/contact"
        case .offices: "/offices"
        case .office(let id): "/offices/\(id)"
        case .accessibility: "/accessibility"
        case .stylesheet: "/assets/site.css"
        case .register: "/register"
        case .registerEmployer: "/register/employer"
        case .login: "/login"
        case .logout: "/logout"
        case .account: "/account"
        case .verifyEmail: "/verify-email"
        case .forgotPassword: "/forgot-password"
        case .resetPassword: "/reset-password"
        case .devMail: "/dev/mail"
        }
    }

    /// The navigation of the page shell, with catalogue keys for the labels.
    public static let navigation: [(SiteRoute, String)] = [
        (.home, "nav.home"),
        (.offers, "nav.offers"),
        (.trainings, "nav.trainings"),
        (.jobFairs, "nav.job_fairs"),
        (.offices, "nav.offices"),
        (.faq, "nav.faq"),
        (.contact, "nav.contact"),
        (.accessibility, "nav.accessibility"),
    ]
}
