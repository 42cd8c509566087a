import Fluent

/// Every migration, in order. A new one is appended, never inserted: deployed databases
/// have run the ones before it.
public enum StorageMigrations {
    public static var all: [any Migration] {
        [
            M001_CreateTerritorialUnits(),
            M002_CreateOffices(),
            M003_CreatePostalCodes(),
            M004_CreateAppMeta(),
            M005_CreateSessions(),
            M006_CreateAccounts(),
            M007_CreateAccountTokens(),
            M008_CreateOutbox(),
            M009_CreateRateLimits(),
            M010_CreateClients(),
            M011_CreateAuditLog(),
            M012_CreateCompanies(),
            M013_CreateStaff(),
            M014_CreateClientLinksAndPhotos(),
            M015_CreateOffers(),
            M016_CreateOfferSearchProjection(),
            M017_CreateOfferSearchOrderIndexes(),
            M018_CreateCVs(),
            M019_CreateEvents(),
            M020_CreateSavedSearches(),
            M021_AddOfferExternalID(),
            M022_AddTitleVectors(),
            M023_CoverLocationIndex(),
            M024_CreateContactCenter(),
            M025_AddDesktopRecords(),
            M026_CreateStaffTokens(),
            M027_CreateKnowledgeBase(),
            M028_AddKBExternalID(),
            M029_CreateSurveys(),
            M030_CreateChats(),
            M031_CreateNewsletter(),
            M032_CreateMailChannel(),
            M033_CreateSMS(),
            M034_CreateSMSPreferences(),
            M035_CreateVoice(),
            M036_CreateVoiceLegs(),
            M037_AddSessionEpoch(),
            M038_AddAuditAddress(),
            M039_CreateReportAggregates(),
            M040_AddReportAreas(),
            M041_CreateConsents(),
            M042_CreateDataRequests(),
            M043_AddRestrictionAndRetention(),
            M044_CreatePrivacyExports(),
        ]
    }
}
