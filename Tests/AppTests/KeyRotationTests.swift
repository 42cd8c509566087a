import Testing
import Foundation
import Vapor
import Fluent
import SQLKit
@testable import App
@testable import Storage
import Identity
import Clients
import Foreigners

/// Replacing the data key: while the deployment holds both keys, everything sealed or signed
/// under the old one still opens and is still found; the rotation moves every value to the new
/// key, resumes after being stopped, and afterwards the new key alone opens and finds it all.
@Suite(.serialized) struct KeyRotationTests {
    /// The tests' usual key (`AppConfig.testing`), as the deployment had it.
    static let old = Data(repeating: 7, count: 32)
    static let new = Data(repeating: 9, count: 32)
    static let pesel = "44051401359"

    /// A value sealed as the first releases did: "v1:", no key id.
    static func legacySeal(_ s: String, _ key: Data) throws -> String {
        "v1:" + (try AES.GCM.seal(Data(s.utf8), using: Secrets.derive(key, "zielona/field-encryption")).combined!.base64EncodedString())
    }

    static func rotating(_ c: inout AppConfig) {
        c.dataKeyBase64 = new.base64EncodedString(); c.previousDataKeyBase64 = old.base64EncodedString()
    }

    @Test func theOldKeysValuesStayReadableAndFoundWhileTheyMoveAndThenTheNewKeyAloneIsEnough() async throws {
        try await withTestApp(adjust: Self.rotating) { app in
            let sql = app.db as! any SQLDatabase
            let before = FieldCipher(dataKey: Self.old)
            // What the deployment held under the old key: a client (sealed before key ids), a
            // consultant's second factor, a foreigner's draft with its code.
            let client = try await ClientStore(db: app.db).create(NewClient(
                number: "100000009", kind: .seeker, firstName: "Jan", lastName: "Kowalski", peselCiphertext: try Self.legacySeal(Self.pesel, Self.old),
                peselIndex: before.blindIndex(Self.pesel), officeID: "pup-2002", phones: ["+48600100200"]))
            let consultant = try await TestStaff.create(app, email: "k@example.org", roles: [.consultant], scope: .offices(["pup-2002"]))
            try await sql.raw("UPDATE staff_members SET totp_secret = \(bind: try before.encrypt(Base32.encode(consultant.secret))) WHERE account_id = \(bind: consultant.id)").run()
            let code = DraftCode.random()
            let content = String(decoding: try JSONEncoder().encode(ForeignerDraftContent(values: ["surname": "SHEVCHENKO"], code: code)), as: UTF8.self)
            let draft = ForeignerDraft(form: "work-permit", version: "1", language: "uk", content: try before.encrypt(content), accountID: nil,
                                       createdAt: Date(), updatedAt: Date(), expiresAt: Date().addingTimeInterval(86_400))
            try await ForeignerDraftStore(db: app.db).create(draft, tokenHash: "t", codeIndex: before.blindIndex(ForeignerDrafts.codeIndexValue(code)))

            // While both keys are held: the second factor opens, the PESEL search and the
            // helpline's code search find the old rows; a link request finds the old client.
            let browser = try await consultant.signIn(app)
            let search = try await browser.get("/staff/clients?by=pesel&q=\(Self.pesel)&reason=visit")
            #expect(search.status == .ok && search.body.string.contains("100000009"))
            let cipher = app.services.cipher
            #expect(try await ForeignerDraftStore(db: app.db).find(codeIndexes: cipher.blindIndexes(ForeignerDrafts.codeIndexValue(code)))?.id == draft.id)
            #expect(try await ClientStore(db: app.db).find(peselIndexes: cipher.blindIndexes(Self.pesel))?.id == client)
            #expect(try await ClientStore(db: app.db).find(peselIndexes: [cipher.blindIndex(Self.pesel)]) == nil, "not yet indexed under the new key")

            // Links and forms signed under the old key are accepted; what is signed now uses the new key.
            let id = UUID()
            let oldLink = SignedLink.alertUnsubscribe(Secrets(dataKey: Self.old).alertKey).signature(id)
            #expect(SignedLink.checked(SignedLink.alertUnsubscribe, app.services.secrets, \.alertKey).isValid(id, signature: oldLink))
            #expect(!SignedLink.alertUnsubscribe(Secrets(dataKey: Self.new).alertKey).isValid(id, signature: oldLink))
            #expect(SignedLink.alertUnsubscribe(app.services.secrets.alertKey).signature(id) == SignedLink.alertUnsubscribe(Secrets(dataKey: Self.new).alertKey).signature(id))
            let seed = "cookie-seed-from-before"
            let oldForm = try await app.testing().sendRequest(.POST, "/contact", beforeRequest: { req in
                req.headers.cookie = HTTPCookies(dictionaryLiteral: (CSRFMiddleware.cookieName, HTTPCookies.Value(string: seed)))
                try req.content.encode(["_csrf": CSRFMiddleware.token(for: seed, key: Secrets(dataKey: Self.old).csrfKey)], as: .urlEncodedForm)
            })
            #expect(oldForm.status != .forbidden, "a form opened before the restart still posts")
            let forged = try await app.testing().sendRequest(.POST, "/contact", beforeRequest: { req in
                req.headers.cookie = HTTPCookies(dictionaryLiteral: (CSRFMiddleware.cookieName, HTTPCookies.Value(string: seed)))
                try req.content.encode(["_csrf": CSRFMiddleware.token(for: seed, key: Secrets(dataKey: Data(repeating: 3, count: 32)).csrfKey)], as: .urlEncodedForm)
            })
            #expect(forged.status == .forbidden)

            // The rotation stopped after two batches of one value (a crash) …
            let rotation = KeyRotation(db: app.db, cipher: cipher, batchSize: 1)
            let first = try await rotation.run(stopAfter: 2)
            #expect(first.values.map(\.moved).reduce(0, +) == 2)
            let midway = try await rotation.status().flatMap { $0.1.filter { $0.key != cipher.current.id }.map(\.value) }.reduce(0, +)
            #expect(midway == 1, "one value left under the old key")
            // … is run again and finishes; a value changed since it was read is not overwritten.
            let second = try await rotation.run()
            #expect(second.values.map(\.moved).reduce(0, +) == 1 && second.values.allSatisfy { $0.unreadable == 0 })
            for (column, counts) in try await rotation.status() {
                #expect(Set(counts.keys).isSubset(of: [cipher.current.id]), "\(column.name): \(counts)")
            }
            #expect(try await SealedValueStore(db: app.db).replace(.clientPESEL, id: client, old: "v1:stale", new: "x", index: nil) == false)
            let third = try await rotation.run()
            #expect(third.values.map(\.moved).reduce(0, +) == 0, "nothing left to move")

            // Without the previous key: the new key alone opens and finds everything.
            let after = FieldCipher(dataKey: Self.new)
            let stored = try #require(try await ClientStore(db: app.db).find(peselIndexes: [after.blindIndex(Self.pesel)]))
            #expect(stored.id == client)
            #expect(try after.decrypt(stored.peselCiphertext!) == Self.pesel)
            let secret = try #require(try await sql.raw("SELECT totp_secret FROM staff_members WHERE account_id = \(bind: consultant.id)").first()?.decode(column: "totp_secret", as: String.self))
            #expect(try after.decrypt(secret) == Base32.encode(consultant.secret))
            let moved = try #require(try await ForeignerDraftStore(db: app.db).find(codeIndexes: [after.blindIndex(ForeignerDrafts.codeIndexValue(code))]))
            #expect(try ForeignerDrafts.unseal(moved.content, cipher: after).values["surname"] == "SHEVCHENKO")
            #expect(throws: (any Error).self) { try before.decrypt(stored.peselCiphertext!) }
        }
    }

    @Test func valuesNameTheirKeyAndTheKeysAreCheckedAtStart() throws {
        let a = FieldCipher(dataKey: Self.old), both = FieldCipher(dataKey: Self.new, previousKey: Self.old)
        let sealed = try a.encrypt(Self.pesel)
        #expect(sealed.hasPrefix("v2:\(a.current.id):") && a.current.id.count == 8 && a.current.id != both.current.id)
        #expect(try both.decrypt(sealed) == Self.pesel)
        #expect(try both.decrypt(try Self.legacySeal(Self.pesel, Self.old)) == Self.pesel)
        #expect(throws: (any Error).self) { try FieldCipher(dataKey: Self.new).decrypt(sealed) }
        #expect(both.blindIndexes(Self.pesel) == [FieldCipher(dataKey: Self.new).blindIndex(Self.pesel), a.blindIndex(Self.pesel)])

        var config = AppConfig.testing(databaseURL: nil)
        config.previousDataKeyBase64 = Self.old.base64EncodedString()
        #expect(throws: ConfigError.self) { try DataKey.previous(config, current: Self.old) }
        config.previousDataKeyBase64 = "c2hvcnQ="
        #expect(throws: ConfigError.self) { try DataKey.previous(config, current: Self.new) }
        config.previousDataKeyBase64 = nil
        #expect(try DataKey.previous(config, current: Self.new) == nil)
    }
}
