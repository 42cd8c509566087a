import Vapor
import Views
import Fluent
import Directory
import Portal
import Storage

/// Public offers as an HR-XML 3.2 `SyncPositionOpening` message (OAGIS 9 envelope, one
/// `PositionOpening` per live offer), the format EURES takes vacancies in. The occupation's
/// ISCO-08 unit group is the first four digits of its KZiS code (KZiS is built on ISCO-08).
struct HRXMLExport {
    static let hrNamespace = "http://www.hr-xml.org/3"
    static let oaNamespace = "http://www.openapplications.org/oagis/9"

    /// NUTS 2021 regions of the voivodeships (Mazowieckie: its NUTS 1 macroregion, which holds
    /// the two NUTS 2 regions the TERYT voivodeship does not tell apart).
    static let nuts = ["02": "PL51", "04": "PL61", "06": "PL81", "08": "PL43", "10": "PL71", "12": "PL21", "14": "PL9", "16": "PL52",
                       "18": "PL82", "20": "PL84", "22": "PL63", "24": "PL22", "26": "PL72", "28": "PL62", "30": "PL41", "32": "PL42"]

    static func offeringType(_ c: ContractType) -> String {
        switch c {
        case .employment, .replacement: "DirectHire"
        case .temporaryWork: "Temporary"
        case .mandate, .specificWork, .b2b: "Contract"
        case .seasonal: "Seasonal"
        case .internship: "Internship"
        }
    }

    let publicURL: String
    let officeNames: [String: String]

    /// Writes the whole message to `write` in pieces, so 100 000 offers never sit in memory at once.
    static func export(app: Application, now: Date = Date(), write: (String) throws -> Void) async throws -> Int {
        let offices = try await FluentDirectoryStore(db: app.db).offices(matching: nil, voivodeship: nil)
        let exporter = HRXMLExport(publicURL: app.services.config.publicURL, officeNames: Dictionary(uniqueKeysWithValues: offices.map { ($0.id, $0.name) }))
        try write(exporter.header(now: now))
        var cursor: Int64? = nil, count = 0
        repeat {
            let batch = try await OfferStore(db: app.db).liveOffers(after: cursor, now: now)
            for offer in batch.offers { try write(exporter.positionOpening(offer)); count += 1 }
            cursor = batch.offers.isEmpty ? nil : batch.cursor
        } while cursor != nil
        try write(exporter.footer)
        return count
    }

    func header(now: Date) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <SyncPositionOpening xmlns="\(Self.hrNamespace)" xmlns:oa="\(Self.oaNamespace)" releaseID="3.2" versionID="3.2">
          <oa:ApplicationArea>
            <oa:Sender><oa:LogicalID>zielona-linia</oa:LogicalID></oa:Sender>
            <oa:CreationDateTime>\(now.formatted(DayFormat.timestamp))</oa:CreationDateTime>
          </oa:ApplicationArea>
          <DataArea>
            <oa:Sync><oa:ActionCriteria><oa:ActionExpression actionCode="Replace"/></oa:ActionCriteria></oa:Sync>

        """
    }

    let footer = "  </DataArea>\n</SyncPositionOpening>\n"

    func positionOpening(_ o: StoredOffer) -> String {
        let d = o.draft
        let id = o.id.uuidString.lowercased()
        var location = "<Address>"
        location += "<oa:CityName>\(x(d.locality))</oa:CityName>"
        if let v = o.voivodeshipCode, let code = Self.nuts[v] { location += "<oa:CountrySubDivisionCode listName=\"NUTS\">\(code)</oa:CountrySubDivisionCode>" }
        location += "<CountryCode>\(d.country ?? "PL")</CountryCode>"
        if let postal = d.postalCode { location += "<oa:PostalCode>\(x(postal))</oa:PostalCode>" }
        location += "</Address>"
        var profile = """
              <PositionProfile languageCode="pl">
                <PostingInstruction><PostingOptionCode>EURESFlag</PostingOptionCode><ApplicationMethod><Instructions>\(x(d.howToApply))</Instructions></ApplicationMethod></PostingInstruction>
                <PositionTitle>\(x(d.title))</PositionTitle>
                <PositionLocation>\(location)</PositionLocation>

        """
        if d.employerVisible {
            profile += "          <PositionOrganization><OrganizationIdentifiers><OrganizationName>\(x(o.companyName))</OrganizationName></OrganizationIdentifiers></PositionOrganization>\n"
        }
        profile += "          <PositionOpenQuantity>\(d.positions)</PositionOpenQuantity>\n"
        profile += "          <JobCategoryCode listName=\"ISCO2008\" listVersionID=\"2008\" listURI=\"http://ec.europa.eu/esco/ConceptScheme/ISCO2008\">\(d.occupationCode.prefix(4))</JobCategoryCode>\n"
        profile += "          <PositionOfferingTypeCode>\(Self.offeringType(d.contract))</PositionOfferingTypeCode>\n"
        profile += "          <PositionFormattedDescription><Content>\(x(description(o)))</Content></PositionFormattedDescription>\n"
        profile += "          <WorkingLanguageCode>pl</WorkingLanguageCode>\n"
        if let start = d.startDate { profile += "          <PositionPeriod><StartDate><FormattedDateTime>\(DayFormat().string(from: start))</FormattedDateTime></StartDate></PositionPeriod>\n" }
        profile += "          <PositionScheduleTypeCode>\(d.workingTime >= 1 ? "FullTime" : "PartTime")</PositionScheduleTypeCode>\n"
        profile += "          <ApplicationCloseDate>\(DayFormat().string(from: d.validUntil))</ApplicationCloseDate>\n"
        profile += "        </PositionProfile>\n"
        return """
                <PositionOpening validFrom="\(DayFormat().string(from: o.publishedAt ?? o.createdAt))" majorVersionID="3" minorVersionID="2">
                  <DocumentID schemeID="ZL-OFFER" schemeAgencyID="PL-PSZ" schemeAgencyName="Zielona Linia">\(id)</DocumentID>
                  <PositionOpeningStatusCode name="Active">Active</PositionOpeningStatusCode>
                  <PostingRequester><PartyID schemeID="ZL-OFFICE" schemeAgencyID="PL-PSZ">\(x(o.officeID))</PartyID><PartyName>\(x(officeNames[o.officeID] ?? o.officeID))</PartyName></PostingRequester>

            """ + profile + "    </PositionOpening>\n"
    }

    /// The duties, then the wage and the offer's address on the portal (EURES shows the text).
    func description(_ o: StoredOffer) -> String {
        var parts = [o.draft.duties]
        switch (o.draft.wageMin, o.draft.wageMax) {
        case let (min?, max?): parts.append("Wynagrodzenie brutto: \(Int(min))–\(Int(max)) PLN (\(o.draft.wageType.rawValue)).")
        case let (min?, nil): parts.append("Wynagrodzenie brutto od \(Int(min)) PLN (\(o.draft.wageType.rawValue)).")
        case let (nil, max?): parts.append("Wynagrodzenie brutto do \(Int(max)) PLN (\(o.draft.wageType.rawValue)).")
        default: break
        }
        parts.append(publicURL + SiteRoute.offer(o.id.uuidString.lowercased()).path)
        return parts.joined(separator: "\n\n")
    }

    func x(_ s: String) -> String { XMLText.escape(s) }
}
