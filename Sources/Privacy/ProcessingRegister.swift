import Foundation

/// The legal ground a purpose rests on (art. 6(1) RODO).
public enum LegalBasis: String, Sendable, CaseIterable {
    /// (a): the person's consent, which they may withdraw at any time.
    case consent = "6(1)(a)"
    /// (c): a legal obligation of the public employment services.
    case legalObligation = "6(1)(c)"
}

/// How long a purpose keeps its data.
public enum RetentionPeriod: Sendable, Equatable {
    /// As long as the account exists.
    case accountLifetime
    /// Up to this many years from the person's last contact with the centre.
    case yearsSinceLastContact(Int)
    /// Until the consent is withdrawn.
    case untilWithdrawn
    /// This many days from when it was made or, for a service, ended (the deployment may set them).
    case days(Int)
}

/// Who else receives a purpose's data.
public enum Recipient: String, Sendable, CaseIterable {
    /// Employers registered on the portal, only the parts of a CV the seeker shared.
    case employers
    /// Authorised staff of the labour offices (PUP, WUP).
    case officeStaff = "office_staff"
    /// Public authorities entitled to ask.
    case authorities
    /// The suppliers who run the system for the controller (entrusted processing).
    case processors
}

/// The kinds of personal data, as the policy names them.
public enum DataCategory: String, Sendable, CaseIterable {
    case login, email, password, name, address, phone, photo, location, postalCode = "postal_code", pesel
    case registeredUnemployed = "registered_unemployed", occupation, education, languages, experience, trainings, skills
    case licences, wantedJob = "wanted_job", workplacePreferences = "workplace_preferences", employmentHistory = "employment_history"
    case pollVoter = "poll_voter"
    case cvFiles = "cv_files", country, ipAddress = "ip_address", chatTranscript = "chat_transcript", messages
    case callerKind = "caller_kind", ivrPath = "ivr_path", recordings, image, birthDate = "birth_date", recruitmentOther = "recruitment_other"
    case surveyAnswers = "survey_answers", contactHistory = "contact_history", savedSearches = "saved_searches"
    case complaintText = "complaint_text", accessLog = "access_log", staffRole = "staff_role"
    case travelDocument = "travel_document", familyMembers = "family_members", criminalRecord = "criminal_record"
}

/// The three cases of profiling the policy explains.
public enum ProfilingCase: String, Sendable, CaseIterable {
    /// Alerts: offers, trainings and regional news matched to what the user saved.
    case alerts
    /// CVs matched to employers' candidate searches and alerts (shared parts only).
    case candidateMatching = "candidate_matching"
    /// The caller's postal code turned into voivodeship, powiat and locality on the line.
    case postalCodeLocation = "postal_code_location"
}

/// One purpose of processing: what data, on which ground, for how long, to whom, where it is
/// kept (the tables) and which profiling it involves.
public struct ProcessingPurpose: Sendable, Identifiable {
    public let id: String
    public let basis: LegalBasis
    public let categories: [DataCategory]
    public let retention: RetentionPeriod
    public let recipients: [Recipient]
    public let tables: [String]
    public let profiling: [ProfilingCase]
}

/// The register of processing: the one list the privacy page, the consent texts, the
/// retention job and the export read, so they cannot disagree. Every table of the database is
/// either a purpose's or named as holding no personal data (a test checks the schema).
public enum ProcessingRegister {
    public static let purposes: [ProcessingPurpose] = [
        .init(id: "phone_line", basis: .legalObligation,
              categories: [.phone, .location, .postalCode, .callerKind, .name, .pesel, .ivrPath, .recordings, .contactHistory],
              retention: .yearsSinceLastContact(5), recipients: [.officeStaff, .authorities, .processors],
              tables: ["ivr_calls", "voice_legs", "voice_recordings", "cc_interactions", "cc_events", "cc_notes", "clients", "client_contacts",
                       "client_link_requests", "sms_messages", "sms_opt_outs", "sms_preferences", "carrier_deletions"],
              profiling: [.postalCodeLocation]),
        .init(id: "portal_account", basis: .consent,
              categories: [.login, .email, .password, .name, .address, .phone, .photo, .registeredUnemployed, .occupation, .education, .languages,
                           .experience, .trainings, .skills, .licences, .wantedJob, .workplacePreferences, .employmentHistory, .cvFiles, .savedSearches],
              retention: .accountLifetime, recipients: [.employers, .officeStaff, .processors],
              tables: ["accounts", "account_tokens", "account_photos", "seeker_profiles", "cvs", "cv_files", "cv_candidates", "cv_interests",
                       "cv_search", "saved_searches", "alert_deliveries", "app_tokens", "push_subscriptions", "push_outbox", "companies", "employer_users", "company_invitations", "offers",
                       "privacy_exports"],
              profiling: [.alerts, .candidateMatching]),
        .init(id: "forms_and_email", basis: .legalObligation, categories: [.email, .name, .location, .country, .messages, .contactHistory],
              retention: .yearsSinceLastContact(5), recipients: [.officeStaff, .processors],
              tables: ["cc_mail_messages", "cc_mail_attachments", "outbox"], profiling: []),
        .init(id: "chat", basis: .legalObligation, categories: [.ipAddress, .email, .chatTranscript],
              retention: .yearsSinceLastContact(5), recipients: [.officeStaff, .processors], tables: ["cc_chats", "cc_chat_lines"], profiling: []),
        .init(id: "newsletter", basis: .consent, categories: [.email], retention: .untilWithdrawn, recipients: [.processors],
              tables: ["newsletter_subscribers", "newsletter_deliveries"], profiling: []),
        // Fabryka CV (seed 003 names it with the account's services, on consent): what the
        // requester sent and the centre made, kept while it is worked on and 90 days after.
        .init(id: "cv_factory", basis: .consent,
              categories: [.email, .name, .cvFiles, .occupation, .education, .languages, .experience, .trainings, .skills, .licences,
                           .wantedJob, .messages],
              retention: .days(90), recipients: [.processors], tables: ["cv_factory_requests", "cv_factory_files"], profiling: []),
        .init(id: "recruitment", basis: .consent,
              categories: [.name, .birthDate, .address, .email, .education, .languages, .experience, .trainings, .skills, .licences,
                           .employmentHistory, .photo, .recruitmentOther],
              // Kept 30 days after the order ends (questions about the outcome), longer only
              // with the consent to future recruitments (RecruitmentPolicy.keptAfterCloseDays).
              retention: .days(30), recipients: [.employers, .processors],
              tables: ["recruitment_orders", "recruitment_candidates", "recruitment_notes"], profiling: []),
        // The foreigners' application generator: a draft without an account is deleted 30 days
        // after its last change; one kept in an account lives with the account.
        .init(id: "foreigner_forms", basis: .consent,
              categories: [.name, .birthDate, .address, .phone, .email, .pesel, .country, .travelDocument, .familyMembers, .criminalRecord,
                           .employmentHistory],
              retention: .days(30), recipients: [.officeStaff, .processors], tables: ["foreigner_drafts"], profiling: []),
        // Visit statistics without cookies: for the day in progress only, each visitor as a hash
        // of their address and browser salted with that day's random salt; when the day ends the
        // hashes and the salt are deleted and only the count stays (no address is ever stored).
        .init(id: "visit_statistics", basis: .legalObligation, categories: [.ipAddress], retention: .days(1), recipients: [.processors],
              tables: ["visit_visitors", "visit_salts"], profiling: []),
        // Polls: who voted, as a keyed hash per poll (of the account, or of the browser session),
        // only so nobody votes twice; deleted 30 days after the poll closes, the counts stay.
        .init(id: "poll_votes", basis: .legalObligation, categories: [.pollVoter], retention: .days(30), recipients: [.processors],
              tables: ["poll_voters"], profiling: []),
        // The forum: what members wrote under their nickname, their reports and the threads
        // whose replies they asked to be told of by e-mail; while the account exists (erasing
        // it empties their posts).
        .init(id: "forum", basis: .consent, categories: [.messages, .email], retention: .accountLifetime, recipients: [.processors],
              tables: ["forum_members", "forum_threads", "forum_posts", "forum_reports", "forum_subscriptions", "forum_search"], profiling: []),
        // Forms editors build (sign-ups, questionnaires): what people answered, kept as many
        // days as the form says, at most a year; the page tells them how long.
        .init(id: "form_answers", basis: .consent, categories: [.name, .email, .phone, .messages], retention: .days(365), recipients: [.officeStaff, .processors],
              tables: ["site_form_answers"], profiling: []),
        .init(id: "surveys", basis: .legalObligation, categories: [.surveyAnswers, .email, .phone], retention: .yearsSinceLastContact(5),
              recipients: [.processors], tables: ["cc_surveys"], profiling: []),
        .init(id: "statistics", basis: .legalObligation, categories: [.contactHistory], retention: .yearsSinceLastContact(5),
              recipients: [.processors], tables: ["report_quarters", "report_days", "report_months", "kb_misses"], profiling: []),
        .init(id: "complaints", basis: .legalObligation, categories: [.name, .email, .complaintText], retention: .yearsSinceLastContact(5),
              recipients: [.officeStaff, .authorities, .processors], tables: ["privacy_requests"], profiling: []),
        .init(id: "sign_language_video", basis: .legalObligation, categories: [.image, .name, .email, .phone, .location],
              retention: .yearsSinceLastContact(5), recipients: [.officeStaff, .processors], tables: [], profiling: []),
        .init(id: "security", basis: .legalObligation, categories: [.ipAddress, .accessLog, .login], retention: .yearsSinceLastContact(5),
              recipients: [.authorities, .processors], tables: ["audit_log", "_fluent_sessions", "rate_limits", "consents"], profiling: []),
        // A consultant's own phone number, given to work remotely, is part of their staff record.
        .init(id: "staff", basis: .legalObligation, categories: [.name, .email, .password, .staffRole, .accessLog, .phone], retention: .accountLifetime,
              recipients: [.processors],
              tables: ["staff_members", "staff_offices", "staff_recovery_codes", "staff_tokens", "cc_agents", "report_subscriptions", "agent_phones"],
              profiling: []),
    ]

    /// Tables that hold no personal data: reference data, published content, settings,
    /// search indexes of published offers and events, counts.
    public static let tablesWithoutPersonalData: Set<String> = [
        "_fluent_migrations", "app_meta", "voivodeships", "powiats", "postal_codes", "postal_code_overrides", "offices", "occupations",
        "kb_entries", "kb_versions", "kb_search", "events", "event_search", "offer_search", "ivr_flows", "voice_lines", "newsletter_editions",
        "report_state", "portal_search_days", "foreigner_form_counts",
        "visit_days", "visit_pages", "visit_referrers",
        // Portal content an office publishes (like the knowledge base): news, its pictures, partners, the look.
        "news_items", "news_versions", "content_images", "partners", "site_theme",
        "site_pages", "site_page_versions", "menus", "menu_versions", "office_details", "home_layout", "polls", "poll_counts", "site_forms",
    ]

    public static func purpose(_ id: String) -> ProcessingPurpose? { purposes.first { $0.id == id } }

    /// The purpose a table's data is processed for (nil: none, or no personal data). SQLite's
    /// full-text tables (`cv_search_fts`, `cv_search_fts_data`…) belong with their index.
    public static func purpose(ofTable table: String) -> ProcessingPurpose? {
        let name = owner(of: table)
        return purposes.first { $0.tables.contains(name) }
    }

    /// Whether the register says what a table is: a purpose's, or free of personal data.
    public static func accounts(for table: String) -> Bool {
        purpose(ofTable: table) != nil || tablesWithoutPersonalData.contains(owner(of: table))
    }

    static func owner(of table: String) -> String { table.range(of: "_fts").map { String(table[..<$0.lowerBound]) } ?? table }
}

/// The rights of the person whose data it is (art. 15–21 RODO).
public enum DataSubjectRight: String, Sendable, CaseIterable {
    case access, rectification, erasure, restriction, portability, objection

    public var article: Int {
        switch self {
        case .access: 15
        case .rectification: 16
        case .erasure: 17
        case .restriction: 18
        case .portability: 20
        case .objection: 21
        }
    }
}
