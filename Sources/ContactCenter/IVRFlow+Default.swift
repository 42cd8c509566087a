/// The flow shipped with the system, as the seeds describe 19524: the language first, then
/// whether the line is open — after hours the caller hears when it is (`{hours}`, said in words
/// from the configured hours), may listen to recorded information and may order a call back or
/// end the call with a goodbye, before being asked anything else; in hours the caller identifies
/// with client number and PIN or gives a postal code (→ their office), and the topic menu puts
/// them in that office's queue, where they may listen to recorded information or ask to be
/// called back without losing their place.
extension IVRFlow {
    static func p(_ pl: String, _ en: String, _ ru: String, _ uk: String) -> [String: String] { ["pl": pl, "en": en, "ru": ru, "uk": uk] }

    public static let standard: IVRFlow = {
        var steps: [IVRStep] = [
            IVRStep(id: "welcome", kind: .say, prompt: p("Dzień dobry, tu Zielona Linia, infolinia urzędów pracy.",
                                                         "Hello, this is Zielona Linia, the labour offices' helpline.",
                                                         "Здравствуйте, это Zielona Linia, горячая линия ведомств труда.",
                                                         "Добрий день, це Zielona Linia, гаряча лінія центрів зайнятості."), next: "language"),
            IVRStep(id: "hours", kind: .hours, next: "who", otherwise: "closed"),
            IVRStep(id: "who", kind: .menu, prompt: p("Jeśli masz numer klienta i PIN, naciśnij 1. Aby podać kod pocztowy, naciśnij 2.",
                                                      "If you have a client number and PIN, press 1. To give your postal code, press 2.",
                                                      "Если у вас есть номер клиента и PIN, нажмите 1. Чтобы указать почтовый индекс, нажмите 2.",
                                                      "Якщо у вас є номер клієнта і PIN, натисніть 1. Щоб указати поштовий індекс, натисніть 2."),
                    otherwise: "postal", choices: ["1": "identify", "2": "postal"]),
            IVRStep(id: "identify", kind: .identify, prompt: p("Wpisz numer klienta i zatwierdź krzyżykiem, potem PIN i krzyżyk.",
                                                               "Enter your client number and press hash, then your PIN and hash.",
                                                               "Введите номер клиента и нажмите решётку, затем PIN и решётку.",
                                                               "Введіть номер клієнта і натисніть решітку, потім PIN і решітку."),
                    next: "topic", otherwise: "postal"),
            IVRStep(id: "located", kind: .locate, next: "topic", otherwise: "topic"),
            IVRStep(id: "topic", kind: .menu, prompt: p(
                "Rejestracja – 1. Zasiłek – 2. Oferty pracy – 3. Szkolenia – 4. Pracodawcy – 5. Cudzoziemcy – 6. Inne sprawy – 0.",
                "Registration – 1. Benefits – 2. Job offers – 3. Trainings – 4. Employers – 5. Foreigners – 6. Other matters – 0.",
                "Регистрация – 1. Пособие – 2. Вакансии – 3. Обучение – 4. Работодатели – 5. Иностранцы – 6. Другие вопросы – 0.",
                "Реєстрація – 1. Допомога – 2. Вакансії – 3. Навчання – 4. Роботодавці – 5. Іноземці – 6. Інші питання – 0."),
                    otherwise: "q-other",
                    choices: ["1": "q-registration", "2": "q-benefits", "3": "q-offers", "4": "q-trainings", "5": "q-employers", "6": "q-foreigners",
                              "0": "q-other"]),
            IVRStep(id: "closed", kind: .say, prompt: p("Infolinia jest teraz nieczynna. Konsultanci odbierają: {hours}, z wyjątkiem świąt.",
                                                        "The helpline is closed now. Consultants answer: {hours}, except public holidays.",
                                                        "Горячая линия сейчас не работает. Консультанты отвечают: {hours}, кроме праздников.",
                                                        "Гаряча лінія зараз не працює. Консультанти відповідають: {hours}, крім свят."), next: "info-offer"),
            IVRStep(id: "info-offer", kind: .menu, prompt: p(
                "Aby wysłuchać nagranych informacji, naciśnij 1. Aby przejść dalej, naciśnij 2.",
                "To listen to recorded information, press 1. To go on, press 2.",
                "Чтобы прослушать записанную информацию, нажмите 1. Чтобы продолжить, нажмите 2.",
                "Щоб прослухати записану інформацію, натисніть 1. Щоб продовжити, натисніть 2."),
                    otherwise: "offer-callback", choices: ["1": "info", "2": "offer-callback"]),
            IVRStep(id: "info", kind: .information, prompt: p("Nagrane informacje.", "Recorded information.", "Записанная информация.", "Записана інформація."),
                    next: "offer-callback"),
            IVRStep(id: "offer-callback", kind: .callback, prompt: p(
                "Aby konsultant oddzwonił w najbliższych godzinach pracy, naciśnij 1. Aby zakończyć połączenie, naciśnij 2.",
                "For a consultant to call you back in the next opening hours, press 1. To end the call, press 2.",
                "Чтобы консультант перезвонил в ближайшее рабочее время, нажмите 1. Чтобы завершить звонок, нажмите 2.",
                "Щоб консультант передзвонив у найближчий робочий час, натисніть 1. Щоб завершити дзвінок, натисніть 2."),
                    next: "goodbye"),
            IVRStep(id: "goodbye", kind: .say, prompt: p("Dziękujemy za telefon. Do usłyszenia.", "Thank you for calling. Goodbye.",
                                                         "Спасибо за звонок. До свидания.", "Дякуємо за дзвінок. До побачення."), next: "end"),
            IVRStep(id: "end", kind: .hangup),
        ]
        var language = IVRStep(id: "language", kind: .language, prompt: p("Po polsku – naciśnij 1. For English press 2. По-русски – нажмите 3. Українською – натисніть 4.",
                                                                          "Po polsku – naciśnij 1. For English press 2. По-русски – нажмите 3. Українською – натисніть 4.",
                                                                          "Po polsku – naciśnij 1. For English press 2. По-русски – нажмите 3. Українською – натисніть 4.",
                                                                          "Po polsku – naciśnij 1. For English press 2. По-русски – нажмите 3. Українською – натисніть 4."),
                               next: "hours")
        language.languages = ["1": "pl", "2": "en", "3": "ru", "4": "uk"]
        var postal = IVRStep(id: "postal", kind: .gather, prompt: p("Wpisz pięciocyfrowy kod pocztowy.", "Enter your five-digit postal code.",
                                                                   "Введите пятизначный почтовый индекс.", "Введіть п'ятизначний поштовий індекс."),
                             next: "located", otherwise: "topic")
        postal.digits = 5; postal.check = .postalCode
        steps += [language, postal]
        for topic in ContactTopic.general {
            var q = IVRStep(id: "q-" + topic.rawValue, kind: .enqueue)
            q.topic = topic.rawValue
            q.information = "info"
            steps.append(q)
        }
        return IVRFlow(languages: ["pl", "en", "ru", "uk"], start: "welcome", steps: steps)
    }()

    /// The free line for the registered unemployed (seed 002: 9510): the caller identifies with
    /// client number and PIN, the register confirms they are registered as unemployed, and the
    /// topic menu follows; anyone else hears that the line is for the registered unemployed and
    /// which paid numbers to call instead.
    public static let unemployedLine: IVRFlow = {
        var steps = standard.steps
        for id in ["who", "postal", "located"] { steps[id] = nil }
        steps["welcome"]!.prompt = p("Dzień dobry, tu Zielona Linia, bezpłatna infolinia dla osób zarejestrowanych jako bezrobotne.",
                                     "Hello, this is Zielona Linia, the free helpline for people registered as unemployed.",
                                     "Здравствуйте, это Zielona Linia, бесплатная линия для зарегистрированных безработных.",
                                     "Добрий день, це Zielona Linia, безкоштовна лінія для зареєстрованих безробітних.")
        steps["hours"]!.next = "identify"
        steps["identify"]!.next = "registered"
        steps["identify"]!.otherwise = "not-registered"
        steps["registered"] = IVRStep(id: "registered", kind: .registered, next: "topic", otherwise: "not-registered")
        steps["not-registered"] = IVRStep(id: "not-registered", kind: .say, prompt: p(
            "Nie potwierdziliśmy rejestracji jako osoba bezrobotna. Ta bezpłatna linia jest dla osób zarejestrowanych w urzędzie pracy. Zadzwoń pod numer 19524 lub 9524; połączenie jest płatne według taryfy operatora.",
            "We could not confirm that you are registered as unemployed. This free line is for people registered at a labour office. Please call 19524 or 9524; the call is charged at your operator's rate.",
            "Мы не подтвердили регистрацию в качестве безработного. Эта бесплатная линия для зарегистрированных в бюро труда. Позвоните по номеру 19524 или 9524; звонок оплачивается по тарифу оператора.",
            "Ми не підтвердили реєстрацію як безробітного. Ця безкоштовна лінія для зареєстрованих у центрі зайнятості. Зателефонуйте за номером 19524 або 9524; дзвінок оплачується за тарифом оператора."),
            next: "goodbye")
        return IVRFlow(languages: standard.languages, start: standard.start, steps: Array(steps.values).sorted { $0.id < $1.id })
    }()

    /// A voivode's foreigners' helpline (seed 004): the language first (a foreigner may speak
    /// no Polish), then the matter — legalisation of stay, work, citizenship — into the queues
    /// of its own office. No postal code, no client number: a labour office's client register
    /// is not this line's.
    public static func foreignersHelpline(office: String, name: [String: String]) -> IVRFlow {
        var language = IVRStep(id: "language", kind: .language, prompt: standard.steps["language"]!.prompt, next: "welcome")
        language.languages = ["1": "pl", "2": "en", "3": "ru", "4": "uk"]
        var steps: [IVRStep] = [
            language,
            IVRStep(id: "welcome", kind: .say, prompt: p(
                "Dzień dobry, tu infolinia dla cudzoziemców: \(name["pl"]!).", "Hello, this is the foreigners' helpline of \(name["en"]!).",
                "Здравствуйте, это горячая линия для иностранцев: \(name["ru"]!).", "Добрий день, це гаряча лінія для іноземців: \(name["uk"]!)."),
                    next: "hours"),
            IVRStep(id: "hours", kind: .hours, next: "topic", otherwise: "closed"),
            IVRStep(id: "topic", kind: .menu, prompt: p(
                "Legalizacja pobytu – 1. Praca cudzoziemców – 2. Obywatelstwo polskie – 3.",
                "Legalisation of stay – 1. Work – 2. Polish citizenship – 3.",
                "Легализация пребывания – 1. Работа – 2. Польское гражданство – 3.",
                "Легалізація перебування – 1. Робота – 2. Польське громадянство – 3."),
                    otherwise: "q-foreigners_stay", choices: ["1": "q-foreigners_stay", "2": "q-foreigners_work", "3": "q-citizenship"]),
            IVRStep(id: "closed", kind: .say, prompt: p(
                "Infolinia jest teraz nieczynna. Konsultanci odbierają: {hours}, z wyjątkiem świąt. Wniosek możesz przygotować na portalu, w zakładce dla cudzoziemców.",
                "The helpline is closed now. Consultants answer: {hours}, except public holidays. You can prepare your application on the portal, under applications for foreigners.",
                "Горячая линия сейчас не работает. Консультанты отвечают: {hours}, кроме праздников. Заявление можно подготовить на портале, в разделе для иностранцев.",
                "Гаряча лінія зараз не працює. Консультанти відповідають: {hours}, крім свят. Заяву можна підготувати на порталі, у розділі для іноземців."),
                    next: "end"),
            IVRStep(id: "end", kind: .hangup),
        ]
        for topic in ContactTopic.helpline {
            var q = IVRStep(id: "q-" + topic.rawValue, kind: .enqueue)
            q.topic = topic.rawValue
            q.office = office
            steps.append(q)
        }
        return IVRFlow(languages: ["pl", "en", "ru", "uk"], start: "language", steps: steps)
    }

    /// The Łódź voivode's office line of seed 004.
    public static let lodzForeignersHelpline = foreignersHelpline(office: "uw-10", name: p(
        "Łódzki Urząd Wojewódzki", "the Łódź Voivode's Office", "Лодзинское воеводское управление", "Лодзинське воєводське управління"))
}

