import Vapor
import Fluent
import Content
import Storage
import Privacy

/// Demo news (national with its translations, the voivodeship's, PUP Białystok's, one for
/// signed-in seekers only), partner institutions, and PUP Białystok's pages and menu, so the
/// home page and an office's page show what editors make.
enum DemoContent {
    static func load(_ app: Application) async throws {
        guard let editor = try await AccountStore(db: app.db).find(email: "redaktor.krajowy@example.org") else { return }
        try await pages(app, by: editor.id)
        try await partners(app, by: editor.id)
        try await poll(app, by: editor.id)
        try await DemoForum.load(app)
        try await form(app, by: editor.id)
        let store = NewsStore(db: app.db)
        guard try await store.all(offices: nil, limit: 1).isEmpty else { return }
        let audit = AuditEntry(actorID: editor.id, actorOfficeID: nil, clientID: nil, action: "content.news.create", detail: "demo", reason: "")
        let now = Date()
        func ago(_ days: Double) -> Date { now.addingTimeInterval(-days * 86_400) }
        let national = try await store.create(
            NewsDraft(language: "pl", title: "Jeden numer do urzędów pracy: 19524",
                      lead: "Dzwoniąc pod 19524, łączysz się z konsultantem swojego urzędu pracy – albo innego, gdy wszyscy rozmawiają.",
                      body: "## Jak to działa\n\nPodaj kod pocztowy, a połączymy cię z urzędem twojego powiatu.\n\n- rejestracja i zasiłki\n- oferty pracy i szkolenia\n- dokumenty dla cudzoziemców",
                      scope: .national, publishAt: ago(2)),
            status: .published, voivodeship: nil, image: nil, by: editor.id, audit: audit, address: nil)
        for (language, title, lead) in [
            ("uk", "Один номер до центрів зайнятості: 19524", "Зателефонувавши на 19524, ви з’єднаєтеся з консультантом свого центру зайнятості."),
            ("en", "One number for labour offices: 19524", "Call 19524 to reach a consultant of your own labour office – or another one when all are busy."),
        ] {
            _ = try await store.create(NewsDraft(language: language, title: title, lead: lead, body: lead, scope: .national, publishAt: ago(2)),
                                       status: .published, voivodeship: nil, image: nil, sourceID: national, by: editor.id, audit: audit, address: nil)
        }
        let items: [(NewsDraft, String?)] = [
            (NewsDraft(language: "pl", title: "Podlaskie Targi Pracy już za miesiąc",
                       lead: "Kilkudziesięciu pracodawców z regionu i doradcy EURES – zapraszamy do hali przy ul. Pogodnej.",
                       body: "Targi są bezpłatne. Weź ze sobą CV – na miejscu pomożemy je poprawić.", scope: .voivodeship("20"), publishAt: ago(1)), "20"),
            (NewsDraft(language: "pl", title: "PUP w Białymstoku: dłuższe godziny w czwartki",
                       lead: "Od grudnia w czwartki sala obsługi jest czynna do 17:00.",
                       body: "W pozostałe dni bez zmian: 7:30–15:30.", scope: .office("pup-2002"), publishAt: ago(0.5)), "20"),
            (NewsDraft(language: "pl", title: "Dla zarejestrowanych: nabór na szkolenia grupowe",
                       lead: "Osoby zarejestrowane w PUP mogą zgłaszać się na szkolenia grupowe do końca miesiąca.",
                       body: "Lista szkoleń jest w zakładce Szkolenia.", scope: .national, audience: .seekers, publishAt: ago(0.2)), nil),
        ]
        for (draft, voivodeship) in items {
            _ = try await store.create(draft, status: .published, voivodeship: voivodeship, image: nil, by: editor.id, audit: audit, address: nil)
        }
    }

    static func partners(_ app: Application, by editor: UUID) async throws {
        let partners = PartnerStore(db: app.db)
        guard try await partners.all().isEmpty else { return }
        let partnerAudit = AuditEntry(actorID: editor, actorOfficeID: nil, clientID: nil, action: "content.partner.create", detail: "demo", reason: "")
        for (i, p) in [("Zakład Ubezpieczeń Społecznych", "https://www.zus.pl", "Ubezpieczenia, zasiłki i składki"),
                       ("Ochotnicze Hufce Pracy", "https://www.ohp.pl", "Praca i szkolenia dla młodzieży"),
                       ("EURES – praca w Europie", "https://eures.praca.gov.pl", "Oferty pracy w krajach Unii Europejskiej")].enumerated() {
            try await partners.save(nil, PartnerDraft(name: p.0, url: p.1, description: p.2, position: i), logo: .keep, by: editor,
                                    audit: partnerAudit, address: nil)
        }
    }

    /// PUP Białystok's section: opening hours (with a translation), a page for registered
    /// seekers only, and its menu.
    static func pages(_ app: Application, by editor: UUID) async throws {
        let store = PageStore(db: app.db), office = ContentSection.office("pup-2002")
        guard try await store.find(section: office, slug: "godziny-otwarcia", language: "pl") == nil else { return }
        let audit = AuditEntry(actorID: editor, actorOfficeID: nil, clientID: nil, action: "content.page.create", detail: "demo", reason: "")
        let hours = try await store.create(
            PageDraft(language: "pl", slug: "godziny-otwarcia", title: "Godziny otwarcia i sala obsługi",
                      body: "Sala obsługi jest czynna od poniedziałku do piątku w godzinach 7:30–15:30, w czwartki do 17:00.\n\n## Co zabrać\n\n- dowód osobisty\n- świadectwa pracy\n\nOsoby zarejestrowane: [spotkania grupowe](/offices/pup-2002/pages/spotkania)."),
            section: office, status: .published, by: editor, audit: audit, address: nil)
        _ = try await store.create(PageDraft(language: "uk", slug: "godziny-otwarcia", title: "Години роботи та зал обслуговування",
                                             body: "Зал обслуговування працює з понеділка по п’ятницю з 7:30 до 15:30, у четвер до 17:00."),
                                   section: office, status: .published, sourceID: hours, by: editor, audit: audit, address: nil)
        _ = try await store.create(PageDraft(language: "pl", slug: "spotkania", title: "Spotkania grupowe dla zarejestrowanych",
                                             body: "Co wtorek o 10:00 doradca zawodowy prowadzi spotkanie o pisaniu CV.", audience: .seekers),
                                   section: office, status: .published, by: editor, audit: audit, address: nil)
        let items = [MenuItem(labels: ["pl": "Godziny otwarcia", "en": "Opening hours", "ru": "Часы работы", "uk": "Години роботи"],
                              target: "/offices/pup-2002/pages/godziny-otwarcia", position: 1),
                     MenuItem(labels: ["pl": "Spotkania grupowe", "en": "Group meetings", "ru": "Групповые встречи", "uk": "Групові зустрічі"],
                              target: "/offices/pup-2002/pages/spotkania", position: 2),
                     MenuItem(labels: ["pl": "Aktualności urzędu", "en": "Office news", "ru": "Новости бюро", "uk": "Новини центру"],
                              target: "/offices/pup-2002/news", position: 3)]
        try await MenuStore(db: app.db).save(office, items, expectedVersion: 0, by: editor,
                                             audit: AuditEntry(actorID: editor, actorOfficeID: nil, clientID: nil, action: "content.menu.update", detail: "demo", reason: ""),
                                             address: nil)
        try await app.services.menus.reload(app.db)
    }

    static let formID = UUID(uuidString: "00000000-0000-4000-8000-00000000f101")!

    /// PUP Białystok's sign-up form for a CV workshop.
    static func form(_ app: Application, by editor: UUID) async throws {
        let store = SiteFormStore(db: app.db)
        guard try await store.find(formID) == nil else { return }
        let draft = SiteFormDraft(
            section: .office("pup-2002"),
            title: ["pl": "Zapisy na warsztaty pisania CV", "en": "Sign-up for the CV writing workshop", "ru": "Запись на мастер-класс по резюме",
                    "uk": "Запис на майстер-клас із резюме"],
            intro: ["pl": "Warsztaty prowadzi doradca zawodowy w sali 12. Przynieś swoje CV, jeśli je masz.",
                    "en": "A careers adviser runs the workshop in room 12. Bring your CV if you have one."],
            fields: [SiteFormField(label: ["pl": "Imię i nazwisko", "en": "Full name", "ru": "Имя и фамилия", "uk": "Ім’я та прізвище"], kind: .text, required: true),
                     SiteFormField(label: ["pl": "Adres e-mail", "en": "E-mail address", "ru": "Адрес e-mail", "uk": "Адреса e-mail"], kind: .email, required: true),
                     SiteFormField(label: ["pl": "Termin", "en": "Date", "ru": "Дата", "uk": "Дата"], kind: .choice, required: true,
                                   options: [["pl": "Wtorek 10:00", "en": "Tuesday 10:00", "ru": "Вторник 10:00", "uk": "Вівторок 10:00"],
                                             ["pl": "Czwartek 14:00", "en": "Thursday 14:00", "ru": "Четверг 14:00", "uk": "Четвер 14:00"]]),
                     SiteFormField(label: ["pl": "Co chcesz poprawić w CV?", "en": "What would you like to improve in your CV?",
                                           "ru": "Что вы хотите улучшить в резюме?", "uk": "Що ви хочете покращити в резюме?"], kind: .longText, required: false)],
            retentionDays: 60, open: true)
        try await store.save(nil, draft, by: editor,
                             audit: AuditEntry(actorID: editor, actorOfficeID: nil, clientID: nil, action: "content.form.create", detail: "demo", reason: ""),
                             address: nil, newID: formID)
    }

    /// A portal poll open for two weeks from the first start.
    static func poll(_ app: Application, by editor: UUID) async throws {
        let store = PollStore(db: app.db)
        guard try await store.list(sections: [.portal], publishedOnly: false, limit: 1).isEmpty else { return }
        let now = Date()
        try await store.save(nil, PollDraft(section: .portal,
                                            question: ["pl": "Jak najchętniej kontaktujesz się z urzędem pracy?", "en": "How do you prefer to contact your labour office?",
                                                       "ru": "Как вам удобнее связываться с бюро труда?", "uk": "Як вам зручніше зв’язуватися з центром зайнятості?"],
                                            options: [["pl": "Telefonicznie (19524)", "en": "By phone (19524)", "ru": "По телефону (19524)", "uk": "Телефоном (19524)"],
                                                      ["pl": "Przez czat", "en": "By chat", "ru": "Через чат", "uk": "Через чат"],
                                                      ["pl": "Osobiście w urzędzie", "en": "In person", "ru": "Лично в бюро", "uk": "Особисто в центрі"]],
                                            opensAt: now.addingTimeInterval(-3600), closesAt: now.addingTimeInterval(14 * 86_400)),
                             published: true, by: editor,
                             audit: AuditEntry(actorID: editor, actorOfficeID: nil, clientID: nil, action: "content.poll.create", detail: "demo", reason: ""),
                             address: nil)
    }
}
