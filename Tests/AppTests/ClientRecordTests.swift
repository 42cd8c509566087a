import Testing
import Foundation
import Vapor
import Fluent
import SQLKit
@testable import App
@testable import Storage
import Identity
import Clients
import Privacy

@Suite(.serialized) struct ClientRecordTests {
    @Test func peselIsEncryptedAtRestAndFoundByItsBlindIndex() async throws {
        try await withTestApp { app in
            let cipher = FieldCipher(dataKey: Data(repeating: 7, count: 32))
            let pesel = try PESEL("44051401359")
            let id = try await ClientStore(db: app.db).create(NewClient(
                number: ClientNumber.random().value, kind: .seeker, firstName: "Jan", lastName: "Kowalski",
                peselCiphertext: try cipher.encrypt(pesel.value), peselIndex: cipher.blindIndex(pesel.value),
                officeID: "pup-2002", phones: [try PhoneNumber("600 100 200").value], emails: ["jan@example.org"]))
            // Nothing in the row is the PESEL in clear.
            let rows = try await (app.db as! any SQLDatabase).raw("SELECT * FROM clients").all()
            for row in rows {
                for column in row.allColumns {
                    let text = (try? row.decode(column: column, as: String.self)) ?? ""
                    #expect(!text.contains("44051401359"), "\(column)")
                }
            }
            let found = try #require(try await ClientStore(db: app.db).find(peselIndexes: [cipher.blindIndex("44051401359")]))
            #expect(found.id == id)
            #expect(try cipher.decrypt(found.peselCiphertext!) == "44051401359")
            #expect(try await ClientStore(db: app.db).find(contact: "phone", value: "+48600100200").map(\.id) == [id])
            #expect(try await ClientStore(db: app.db).find(contact: "email", value: "jan@example.org").map(\.id) == [id])
            #expect(try await ClientStore(db: app.db).find(number: found.number)?.id == id)
            await #expect(throws: ClientStoreError.duplicatePESEL) {
                _ = try await ClientStore(db: app.db).create(NewClient(number: ClientNumber.random().value, kind: .seeker,
                                                                       peselIndex: cipher.blindIndex("44051401359"),
                                                                       phones: ["+48600100201"]))
            }
            #expect(try await ClientStore(db: app.db).find(contact: "phone", value: "+48600100201").isEmpty,
                    "a refused client leaves no contacts behind")
        }
    }

    @Test func theSameKeyGivesTheSameIndexAndAnotherKeyDoesNot() throws {
        let a = FieldCipher(dataKey: Data(repeating: 1, count: 32)), b = FieldCipher(dataKey: Data(repeating: 2, count: 32))
        #expect(a.blindIndex("44051401359") == a.blindIndex("44051401359"))
        #expect(a.blindIndex("44051401359") != b.blindIndex("44051401359"))
        #expect(try a.encrypt("x") != (try a.encrypt("x")), "a fresh nonce every time")
        #expect(throws: (any Error).self) { try b.decrypt(try a.encrypt("44051401359")) }
    }

    @Test func auditLogIsAppendedAndFiltered() async throws {
        try await withTestApp { app in
            let log = AuditLog(db: app.db)
            let staff = UUID(), client = UUID()
            try await log.append(AuditEntry(actorID: staff, actorOfficeID: "pup-2002", clientID: client, action: "read",
                                            detail: "client card", reason: "call"))
            try await log.append(AuditEntry(actorID: UUID(), actorOfficeID: "pup-2001", clientID: UUID(), action: "update",
                                            detail: "phone", reason: "client request"))
            #expect(try await log.entries(.init(clientID: client)).map(\.detail) == ["client card"])
            #expect(try await log.entries(.init(offices: ["pup-2001"])).map(\.action) == ["update"])
            #expect(try await log.entries(.init()).count == 2)
        }
    }
}
