import Vapor
import Views
import Storage

/// Moja Praca installed from the browser: its manifest, icons, service worker and offline
/// page, and the seeker's push notifications — which kinds they want, this device's
/// subscription (sent by the page's script), a test message to see it works.
struct AppController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(SiteRoute.appManifest.pathComponents, use: manifest)
        routes.get(SiteRoute.serviceWorker.pathComponents, use: serviceWorker)
        routes.get(SiteRoute.offline.pathComponents, use: offline)
        for size in AppManifest.iconSizes {
            let png = AppIcon.png(size: size)
            routes.get(SiteRoute.appIcon(size).pathComponents) { _ in Self.icon(png) }
        }
        routes.get(SiteRoute.pushKey.pathComponents, use: key)
        routes.get(SiteRoute.accountNotifications.pathComponents, use: notifications)
        routes.post(SiteRoute.accountNotifications.pathComponents, use: saveKinds)
        routes.post(SiteRoute.accountPushSubscriptions.pathComponents, use: subscribe)
        routes.post(SiteRoute.accountPushUnsubscribe.pathComponents, use: unsubscribe)
        routes.post(SiteRoute.accountPushTest.pathComponents, use: test)
    }

    func manifest(req: Request) async throws -> Response {
        let res = Response(status: .ok, body: .init(string: AppManifest.json(req.pageContext)))
        res.headers.contentType = HTTPMediaType(type: "application", subType: "manifest+json", parameters: ["charset": "utf-8"])
        res.headers.cacheControl = .init(isPublic: true, maxAge: 3_600)
        return res
    }

    func serviceWorker(req: Request) async throws -> Response {
        let res = SiteController.javascript(ServiceWorkerScript.source)
        // A new worker is picked up at the next visit, not after an hour of caching.
        res.headers.cacheControl = .init(noCache: true)
        return res
    }

    func offline(req: Request) async throws -> Response { .html(AppPages.renderOffline(req.pageContext)) }

    static func icon(_ png: Data) -> Response {
        let res = Response(status: .ok, body: .init(data: png))
        res.headers.contentType = .png
        res.headers.cacheControl = .init(isPublic: true, maxAge: 86_400)
        return res
    }

    struct KeyJSON: Content { let key: String }

    /// The server's public key for push subscriptions (VAPID).
    func key(req: Request) async throws -> KeyJSON { KeyJSON(key: Self.publicKey(req)) }

    static func publicKey(_ req: Request) -> String { WebPush.base64url(req.services.secrets.vapidKey.publicKey.x963Representation) }

    func seeker(_ req: Request) async throws -> Account {
        guard let a = try await CVController().seeker(req) else { throw Abort.redirect(to: SiteRoute.login.path) }
        return a
    }

    func notifications(req: Request) async throws -> Response { try await page(req, try await seeker(req)) }

    func page(_ req: Request, _ account: Account, notice: String? = nil) async throws -> Response {
        let store = PushSubscriptionStore(db: req.db), t = req.catalogue
        let kinds = try await store.kinds(account: account.id)
        var model = AppPages.NotificationsModel(kinds: PushKind.allCases.map { ($0.rawValue, t.text("app.kind." + $0.rawValue), kinds.contains($0)) },
                                                devices: try await store.list(account: account.id).count, key: Self.publicKey(req))
        model.notice = notice
        return .html(AppPages.renderNotifications(model, req.pageContext))
    }

    func saveKinds(req: Request) async throws -> Response {
        let account = try await seeker(req)
        let form = try req.content.decode([String: String].self)
        let kinds = Set(PushKind.allCases.filter { form["kind_" + $0.rawValue] == "on" })
        try await PushSubscriptionStore(db: req.db).setKinds(kinds, account: account.id)
        return try await page(req, account, notice: req.catalogue.text("app.kinds_saved"))
    }

    /// A browser's PushSubscription as `JSON.stringify` gives it.
    struct SubscriptionInput: Content {
        struct Keys: Content { var p256dh: String?; var auth: String? }
        var endpoint: String?
        var keys: Keys?
    }

    func subscribe(req: Request) async throws -> Response {
        let account = try await seeker(req)
        let t = req.catalogue
        let input = try req.content.decode(SubscriptionInput.self)
        guard let endpoint = input.endpoint, endpoint.count <= 1_000, PushSender.allowed(endpoint, hosts: req.services.config.pushServiceHosts) else {
            throw FieldValidationError(field: "endpoint", reason: t.text("app.error.endpoint"))
        }
        guard let p256dh = input.keys?.p256dh, let raw = WebPush.data(base64url: p256dh), (try? P256.KeyAgreement.PublicKey(x963Representation: raw)) != nil,
              let auth = input.keys?.auth, WebPush.data(base64url: auth)?.count == 16 else {
            throw FieldValidationError(field: "keys", reason: t.text("app.error.keys"))
        }
        try await PushSubscriptionStore(db: req.db).save(PushSubscription(accountID: account.id, endpoint: endpoint, p256dh: p256dh, auth: auth))
        return Response(status: .created)
    }

    struct EndpointInput: Content { var endpoint: String? }

    func unsubscribe(req: Request) async throws -> Response {
        let account = try await seeker(req)
        guard let endpoint = try req.content.decode(EndpointInput.self).endpoint else {
            throw FieldValidationError(field: "endpoint", reason: req.catalogue.text("app.error.endpoint"))
        }
        try await PushSubscriptionStore(db: req.db).remove(endpoint: endpoint, account: account.id)
        return Response(status: .noContent)
    }

    /// A message to every device of the account now, whatever kinds it chose: to see it works.
    func test(req: Request) async throws -> Response {
        let account = try await seeker(req)
        let t = req.catalogue, sender = PushSender(req), message = PushMessage(title: t.text("app.test_title"), body: t.text("app.test_body"),
                                                                               url: SiteRoute.accountNotifications.path, tag: "test")
        let delivered = try await sender.send(message, to: try await PushSubscriptionStore(db: req.db).list(account: account.id))
        return try await page(req, account, notice: t.text("app.test_sent", ["count": "\(delivered)"]))
    }
}
