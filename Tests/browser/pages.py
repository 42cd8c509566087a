"""Every page the accessibility test opens, in every language. Adding a page is one line."""
PAGES = [
    "/",
    "/contact",
    "/accessibility",
    "/offices",
    "/offices?q=15-371",
    "/offices?q=15-999",
    "/offices?q=augustow&voivodeship=20",
    "/offices/pup-2002",
    "/offices/wup-20",
    "/this-page-does-not-exist",
    "/register",
    "/register/employer",
    "/login",
    "/login?notice=registered",
    "/forgot-password",
    "/reset-password?token=example",
    "/verify-email?token=unknown",
    "/dev/mail",
    "/login?notice=expired",
    "/register/employer/join?token=unknown",
]
LANGUAGES = ["pl", "en", "ru", "uk"]
