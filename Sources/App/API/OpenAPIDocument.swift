/// The OpenAPI 3.1 document of `/api/v1`, served at `/api/openapi.json`. `OpenAPITests` checks
/// that it names exactly the API routes the application registers, and the test command runs
/// schemathesis over it against a live server (every operation; any 5xx or any answer that does
/// not match it fails). Written as JSON so it reads as the standard does.
enum OpenAPIDocument {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Zielona Linia API",
    "version": "1",
    "description": "The public and signed-in API of the Zielona Linia portal and contact centre. Errors are RFC 9457 problem details; texts come in the language of `lang` or Accept-Language."
  },
  "servers": [{"url": "/"}],
  "paths": {
    "/api/v1/offices": {
      "get": {
        "summary": "Offices: by name, voivodeship or the postal code served",
        "tags": ["directory"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "A name, a locality or a postal code (NN-NNN).",
            "schema": {"type": "string"}
          },
          {
            "name": "voivodeship",
            "in": "query",
            "required": false,
            "description": "TERYT code of a voivodeship.",
            "schema": {"type": "string"}
          },
          {
            "name": "postal_code",
            "in": "query",
            "required": false,
            "description": "NN-NNN: the office serving it (404 with the nearest known codes when the code is not in the list).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Office"}}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/offices/{id}": {
      "get": {
        "summary": "One office",
        "tags": ["directory"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Office id, e.g. pup-2002.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Office"}}}
          },
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/calendar": {
      "get": {
        "summary": "Days of the contact centre: open hours and public holidays",
        "tags": ["directory"],
        "parameters": [
          {
            "name": "from",
            "in": "query",
            "required": true,
            "description": "First day (YYYY-MM-DD).",
            "schema": {"type": "string"}
          },
          {
            "name": "to",
            "in": "query",
            "required": true,
            "description": "Last day (YYYY-MM-DD), at most 366 days after `from`.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Day"}}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/validate": {
      "post": {
        "summary": "Checks a PESEL, NIP, REGON, postal code, phone number or e-mail address as the forms do",
        "tags": ["directory"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Validation"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "403": {
            "description": "A write carrying the session cookie without the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "type": {"type": "string", "enum": ["pesel", "nip", "regon", "postal_code", "phone", "email"]},
                  "value": {"type": "string"}
                },
                "required": ["type", "value"]
              }
            }
          }
        }
      }
    },
    "/api/v1/offers": {
      "get": {
        "summary": "Search of live job offers",
        "tags": ["offers"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Words (Polish words in any inflected form).",
            "schema": {"type": "string"}
          },
          {
            "name": "voivodeship",
            "in": "query",
            "required": false,
            "description": "TERYT code of a voivodeship.",
            "schema": {"type": "string"}
          },
          {
            "name": "powiat",
            "in": "query",
            "required": false,
            "description": "TERYT code of a powiat.",
            "schema": {"type": "string"}
          },
          {
            "name": "postal_code",
            "in": "query",
            "required": false,
            "description": "NN-NNN, with `radius_km`.",
            "schema": {"type": "string"}
          },
          {
            "name": "radius_km",
            "in": "query",
            "required": false,
            "description": "Distance from the postal code.",
            "schema": {"type": "string"}
          },
          {
            "name": "occupation",
            "in": "query",
            "required": false,
            "description": "KZiS code.",
            "schema": {"type": "string"}
          },
          {
            "name": "contract",
            "in": "query",
            "required": false,
            "description": "Kind of contract.",
            "schema": {"type": "string"}
          },
          {
            "name": "working_time",
            "in": "query",
            "required": false,
            "description": "full or part.",
            "schema": {"type": "string"}
          },
          {
            "name": "min_wage",
            "in": "query",
            "required": false,
            "description": "Lowest monthly wage.",
            "schema": {"type": "string"}
          },
          {
            "name": "verified",
            "in": "query",
            "required": false,
            "description": "1: only verified employers.",
            "schema": {"type": "string"}
          },
          {
            "name": "abroad",
            "in": "query",
            "required": false,
            "description": "only: offers abroad (EURES) only; no: in Poland only.",
            "schema": {"type": "string"}
          },
          {
            "name": "since",
            "in": "query",
            "required": false,
            "description": "Published on or after this day (YYYY-MM-DD).",
            "schema": {"type": "string"}
          },
          {
            "name": "sort",
            "in": "query",
            "required": false,
            "description": "relevance, date or wage.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/OfferList"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/offers/{id}": {
      "get": {
        "summary": "One live offer",
        "tags": ["offers"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Offer id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Offer"}}}
          },
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/occupations": {
      "get": {
        "summary": "Occupations of the KZiS classification by name or code",
        "tags": ["offers"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": true,
            "description": "At least 2 characters of a name or code.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Occupation"}}}
            }
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/candidates": {
      "get": {
        "summary": "Candidate search of a verified employer: the shared parts of CVs",
        "tags": ["employers"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Words.",
            "schema": {"type": "string"}
          },
          {
            "name": "occupation",
            "in": "query",
            "required": false,
            "description": "KZiS code or group.",
            "schema": {"type": "string"}
          },
          {
            "name": "voivodeship",
            "in": "query",
            "required": false,
            "description": "TERYT code.",
            "schema": {"type": "string"}
          },
          {
            "name": "powiat",
            "in": "query",
            "required": false,
            "description": "TERYT code.",
            "schema": {"type": "string"}
          },
          {
            "name": "experience_months",
            "in": "query",
            "required": false,
            "description": "Least experience.",
            "schema": {"type": "string"}
          },
          {
            "name": "language",
            "in": "query",
            "required": false,
            "description": "Language code with a level, e.g. en:B2.",
            "schema": {"type": "string"}
          },
          {
            "name": "education",
            "in": "query",
            "required": false,
            "description": "Least education.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CandidateList"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/matches": {
      "get": {
        "summary": "Offers that fit the signed-in seeker's CVs, each with its reasons in words",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/MatchList"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/app/sign-in": {
      "post": {
        "summary": "Signs a device of the Moja Praca app in: a token of its own for a job seeker's account",
        "tags": ["app"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "201": {
            "description": "The device's token (shown once; valid 90 days; ends with the account's sessions)",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AppToken"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {
            "description": "Wrong e-mail or password.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "403": {
            "description": "Not a job seeker's account.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"}
        },
        "security": [],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "email": {"type": "string"},
                  "password": {"type": "string"},
                  "device": {"type": "string", "minLength": 1, "maxLength": 80},
                  "scopes": {"type": "string", "description": "Space-separated: read, alerts, cvs, privacy, contact (default all)."}
                },
                "required": ["email", "password", "device"]
              }
            }
          }
        }
      }
    },
    "/api/v1/app/tokens/current": {
      "delete": {
        "summary": "The device signs itself out: its token ends",
        "tags": ["app"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "204": {"description": "Signed out"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {
            "description": "A write carrying the session cookie without the page's CSRF token or a same-site `Origin`.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "security": [{"appToken": []}]
      }
    },
    "/api/v1/account/alerts": {
      "get": {
        "summary": "The signed-in seeker's saved searches and alerts (scope read)",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AlertList"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"appToken": []}]
      },
      "post": {
        "summary": "Saves a search with its alert (scope alerts); the query is checked as the search checks it",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "201": {
            "description": "Saved",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Alert"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "kind": {"type": "string", "enum": ["offers", "trainings", "job_fairs", "news"]},
                  "query": {
                    "type": "string",
                    "description": "The search's parameters as in its address, e.g. q=magazynier&voivodeship=20; for news the region: voivodeship=10 or powiat=1061."
                  },
                  "label": {"type": "string", "maxLength": 100},
                  "frequency": {"type": "string", "enum": ["daily", "weekly"]}
                },
                "required": ["kind"]
              }
            }
          }
        }
      }
    },
    "/api/v1/account/cvs": {
      "get": {
        "summary": "The signed-in seeker's CVs and what each shares with employers (scope read)",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CVList"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"appToken": []}]
      },
      "post": {
        "summary": "Writes a new CV (scope cvs), checked as the CV form checks it",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CVInput"}}}
        },
        "responses": {
          "201": {
            "description": "Written",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CV"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {
            "description": "The account has as many CVs as it may.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/cvs/{id}": {
      "get": {
        "summary": "One of the seeker's CVs, whole (scope read)",
        "tags": ["seekers"],
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "CV id (UUID).", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CV"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "security": [{"session": []}, {"appToken": []}]
      },
      "put": {
        "summary": "Rewrites one of the seeker's CVs (scope cvs)",
        "tags": ["seekers"],
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "CV id (UUID).", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/lang"}
        ],
        "requestBody": {
          "required": true,
          "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CVInput"}}}
        },
        "responses": {
          "200": {
            "description": "Rewritten",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CV"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      },
      "delete": {
        "summary": "Deletes one of the seeker's CVs (scope cvs)",
        "tags": ["seekers"],
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "CV id (UUID).", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "204": {"description": "Deleted"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/cvs/{id}/sharing": {
      "put": {
        "summary": "Chooses which sections of a CV employers see (scope cvs); only those are searchable",
        "tags": ["seekers"],
        "parameters": [
          {"name": "id", "in": "path", "required": true, "description": "CV id (UUID).", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/lang"}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "shared": {
                    "type": "array",
                    "items": {
                      "type": "string",
                      "enum": ["desired", "education", "experience", "languages", "skills", "licences", "courses"]
                    }
                  }
                },
                "required": ["shared"]
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Shared as asked",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/CV"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {
            "description": "The CV's postal code is no longer in the directory.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/exports": {
      "post": {
        "summary": "Asks for a copy of the account's data (scope privacy), with the password again; built in the background",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"type": "object", "properties": {"password": {"type": "string"}}, "required": ["password"]}
            }
          }
        },
        "responses": {
          "202": {
            "description": "Asked for",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Export"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {
            "description": "A copy is being made already.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/exports/{id}": {
      "get": {
        "summary": "Where a copy of the account's data is (scope privacy)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Copy id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Export"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/exports/{id}/file": {
      "get": {
        "summary": "The copy of the account's data as a ZIP, for a week after it is made (scope privacy)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Copy id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "The ZIP",
            "content": {"application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {
            "description": "The copy is still being made.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "410": {
            "description": "The week is over; ask for a new copy.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/contact": {
      "post": {
        "summary": "Writes to the office of a powiat as the signed-in seeker (scope contact); the contact form's checks, a confirmation e-mail",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "powiat": {"type": "string", "description": "TERYT code of the powiat (4 digits)."},
                  "topic": {
                    "type": "string",
                    "description": "A topic of the contact form (see the page's list), e.g. registration, benefits, offers, other."
                  },
                  "message": {"type": "string", "minLength": 10}
                },
                "required": ["powiat", "topic", "message"]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Received",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Accepted"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/callbacks/slots": {
      "get": {
        "summary": "The hours a callback can be booked for: opening hours, holidays left out",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "properties": {"value": {"type": "string"}, "label": {"type": "string"}},
                        "required": ["value", "label"]
                      }
                    }
                  },
                  "required": ["items"]
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/callbacks": {
      "post": {
        "summary": "Books a callback as the signed-in seeker (scope contact): the callback form's checks, an SMS confirmation",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "phone": {"type": "string", "description": "Defaults to the phone of the seeker's profile."},
                  "slot": {"type": "string", "description": "A `value` from /api/v1/callbacks/slots."},
                  "powiat": {"type": "string"},
                  "locality": {"type": "string"},
                  "postal_code": {"type": "string"},
                  "topic": {
                    "type": "string",
                    "description": "A topic of the contact form (see the page's list), e.g. registration, benefits, offers, other."
                  }
                },
                "required": ["slot", "powiat", "locality", "postal_code", "topic"]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Booked",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Accepted"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/chats": {
      "post": {
        "summary": "Starts a live chat as the signed-in seeker (scope contact); routed like the page's chat",
        "tags": ["seekers"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "topic": {"type": "string"},
                  "language": {"type": "string", "enum": ["pl", "en", "ru", "uk"]},
                  "powiat": {"type": "string", "description": "TERYT code; or give postal_code."},
                  "postal_code": {"type": "string"},
                  "message": {"type": "string", "description": "The first line, if any."}
                },
                "required": ["topic"]
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Started; `token` goes in X-Chat-Token from now on",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "409": {
            "description": "Nobody can chat now (after hours, or no consultant of the language): write through /api/v1/contact.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/chats/current": {
      "get": {
        "summary": "The chat the token opens: its phase, status and lines (scope contact)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "X-Chat-Token",
            "in": "header",
            "required": true,
            "description": "The chat's token, given when it started.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/chats/current/lines": {
      "post": {
        "summary": "Says something in the chat (scope contact)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "X-Chat-Token",
            "in": "header",
            "required": true,
            "description": "The chat's token, given when it started.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}
            }
          }
        },
        "responses": {
          "201": {
            "description": "Said",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {
            "description": "The chat has ended.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "415": {
            "description": "The body is neither JSON nor a form.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          },
          "429": {"$ref": "#/components/responses/TooManyRequests"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/chats/current/end": {
      "post": {
        "summary": "Ends the chat on the seeker's side (scope contact)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "X-Chat-Token",
            "in": "header",
            "required": true,
            "description": "The chat's token, given when it started.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "Ended",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Chat"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"},
          "409": {
            "description": "The chat has ended already.",
            "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
          }
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/account/alerts/{id}": {
      "delete": {
        "summary": "Deletes one of the seeker's saved searches (scope alerts)",
        "tags": ["seekers"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Saved search id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "204": {"description": "Deleted"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`; with an app token it needs neither.",
        "security": [{"session": []}, {"appToken": []}]
      }
    },
    "/api/v1/trainings": {
      "get": {
        "summary": "Trainings",
        "tags": ["events"],
        "parameters": [
          {"$ref": "#/components/parameters/event_q"},
          {"$ref": "#/components/parameters/event_voivodeship"},
          {"$ref": "#/components/parameters/event_office"},
          {"$ref": "#/components/parameters/event_no_cost"},
          {"$ref": "#/components/parameters/event_online"},
          {"$ref": "#/components/parameters/event_from"},
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventList"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/trainings/{id}": {
      "get": {
        "summary": "One training",
        "tags": ["events"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Event id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}
          },
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/job-fairs": {
      "get": {
        "summary": "Job fairs",
        "tags": ["events"],
        "parameters": [
          {"$ref": "#/components/parameters/event_q"},
          {"$ref": "#/components/parameters/event_voivodeship"},
          {"$ref": "#/components/parameters/event_office"},
          {"$ref": "#/components/parameters/event_no_cost"},
          {"$ref": "#/components/parameters/event_online"},
          {"$ref": "#/components/parameters/event_from"},
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EventList"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/job-fairs/{id}": {
      "get": {
        "summary": "One job fair",
        "tags": ["events"],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Event id (UUID).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Event"}}}
          },
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/api/v1/queues": {
      "get": {
        "summary": "Queues of the staff member's offices now and today",
        "tags": ["contact centre"],
        "parameters": [
          {
            "name": "office",
            "in": "query",
            "required": false,
            "description": "Only this office (in scope).",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/QueueList"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"staffToken": []}]
      }
    },
    "/api/v1/agent": {
      "get": {
        "summary": "The signed-in consultant's own state",
        "tags": ["contact centre"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Agent"}}}
          },
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "security": [{"session": []}, {"staffToken": []}]
      }
    },
    "/api/v1/agent/state": {
      "post": {
        "summary": "Sets the signed-in consultant's state",
        "tags": ["contact centre"],
        "parameters": [{"$ref": "#/components/parameters/lang"}],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Agent"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"}
        },
        "description": "A write with the session cookie needs the page's CSRF token (`X-CSRF-Token`) or a same-site `Origin`.",
        "security": [{"session": []}],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "properties": {
                  "state": {"type": "string", "enum": ["available", "break", "offline"]},
                  "reason": {"type": "string"}
                },
                "required": ["state"]
              }
            }
          }
        }
      }
    },
    "/api/v1/kb": {
      "get": {
        "summary": "Published knowledge-base answers",
        "tags": ["knowledge base"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Words.",
            "schema": {"type": "string"}
          },
          {
            "name": "category",
            "in": "query",
            "required": false,
            "description": "Category.",
            "schema": {"type": "string"}
          },
          {
            "name": "postal_code",
            "in": "query",
            "required": false,
            "description": "Answers of the office serving it too.",
            "schema": {"type": "string"}
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "description": "Office id.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/page"},
          {"$ref": "#/components/parameters/per_page"},
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KBList"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"}
        }
      }
    },
    "/api/v1/kb/suggest": {
      "get": {
        "summary": "Titles of answers as the words are typed",
        "tags": ["knowledge base"],
        "parameters": [
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "The words typed so far.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/KBSuggest"}}}
          }
        }
      }
    },
    "/api/v1/reports/{kind}": {
      "get": {
        "summary": "Reports of contacts (JSON or CSV)",
        "tags": ["reports"],
        "parameters": [
          {
            "name": "kind",
            "in": "path",
            "required": true,
            "description": "contacts, consultants, surveys or portal.",
            "schema": {"type": "string"}
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "First day.",
            "schema": {"type": "string"}
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "Last day.",
            "schema": {"type": "string"}
          },
          {
            "name": "interval",
            "in": "query",
            "required": false,
            "description": "day, week or month.",
            "schema": {"type": "string"}
          },
          {
            "name": "by",
            "in": "query",
            "required": false,
            "description": "Grouping.",
            "schema": {"type": "string"}
          },
          {
            "name": "channel",
            "in": "query",
            "required": false,
            "description": "Channel.",
            "schema": {"type": "string"}
          },
          {
            "name": "office",
            "in": "query",
            "required": false,
            "description": "Office id (in scope).",
            "schema": {"type": "string"}
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "json or csv.",
            "schema": {"type": "string"}
          },
          {
            "name": "table",
            "in": "query",
            "required": false,
            "description": "series or totals.",
            "schema": {"type": "string"}
          },
          {"$ref": "#/components/parameters/lang"}
        ],
        "responses": {
          "200": {
            "description": "The report",
            "content": {"application/json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}}}
          },
          "400": {"$ref": "#/components/responses/BadRequest"},
          "401": {"$ref": "#/components/responses/Unauthorized"},
          "403": {"$ref": "#/components/responses/Forbidden"},
          "404": {"$ref": "#/components/responses/NotFound"}
        },
        "security": [{"session": []}, {"staffToken": []}]
      }
    }
  },
  "components": {
    "schemas": {
      "Chat": {
        "type": "object",
        "properties": {
          "case_number": {"type": "string"},
          "phase": {"type": "string", "enum": ["waiting", "talking", "ended"]},
          "status": {"type": "string"},
          "token": {"type": "string"},
          "lines": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {"type": "integer"},
                "author": {"type": "string", "enum": ["visitor", "agent", "system"]},
                "who": {"type": "string"},
                "text": {"type": "string"},
                "time": {"type": "string"}
              },
              "required": ["id", "author", "who", "text", "time"]
            }
          }
        },
        "required": ["case_number", "phase", "status", "lines"]
      },
      "Accepted": {
        "type": "object",
        "properties": {
          "case_number": {"type": "string"},
          "office": {
            "type": "object",
            "properties": {"id": {"type": "string"}, "name": {"type": "string"}},
            "required": ["id", "name"]
          },
          "slot": {"type": "string", "description": "The hour booked (callbacks)."}
        },
        "required": ["case_number", "office"]
      },
      "CVLanguage": {
        "type": "object",
        "properties": {
          "language": {"type": "string", "description": "ISO 639-1 code."},
          "level": {"type": "string", "enum": ["A1", "A2", "B1", "B2", "C1", "C2"]}
        },
        "required": ["language", "level"]
      },
      "CVWish": {
        "type": "object",
        "description": "Where, how far and for what pay the seeker would work.",
        "properties": {
          "commute_km": {"type": ["integer", "null"]},
          "willing_to_move": {"type": ["boolean", "null"]},
          "expected_wage": {"type": ["number", "null"]},
          "expected_wage_type": {"type": ["string", "null"], "enum": ["monthly", "hourly", null]},
          "work_time": {"type": ["string", "null"]},
          "contract": {"type": ["string", "null"]}
        }
      },
      "CVInput": {
        "type": "object",
        "description": "The fields of the CV form; the same checks.",
        "properties": {
          "title": {"type": "string"},
          "desired_job": {"type": "string"},
          "desired_locality": {"type": "string"},
          "education_details": {"type": "string"},
          "experience": {"type": "string"},
          "skills": {"type": "string"},
          "licences": {"type": "string"},
          "courses": {"type": "string"},
          "occupation": {"type": "string", "description": "KZiS occupation code (6 digits) or name."},
          "postal_code": {"type": "string", "description": "Where the seeker wants to work (NN-NNN)."},
          "education": {"type": "string"},
          "experience_months": {"type": "integer", "minimum": 0},
          "languages": {"type": "array", "items": {"$ref": "#/components/schemas/CVLanguage"}},
          "shared": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The sections employers may see: desired, education, experience, languages, skills, licences, courses."
          },
          "wish": {"$ref": "#/components/schemas/CVWish"}
        },
        "required": ["title", "desired_job"]
      },
      "CV": {
        "type": "object",
        "properties": {
          "title": {"type": "string"},
          "desired_job": {"type": "string"},
          "desired_locality": {"type": "string"},
          "education_details": {"type": "string"},
          "experience": {"type": "string"},
          "skills": {"type": "string"},
          "licences": {"type": "string"},
          "courses": {"type": "string"},
          "id": {"type": "string", "format": "uuid"},
          "occupation": {"type": ["string", "null"]},
          "postal_code": {"type": ["string", "null"]},
          "education": {"type": "string"},
          "experience_months": {"type": "integer"},
          "languages": {"type": "array", "items": {"$ref": "#/components/schemas/CVLanguage"}},
          "shared": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": ["desired", "education", "experience", "languages", "skills", "licences", "courses"]
            }
          },
          "wish": {"oneOf": [{"$ref": "#/components/schemas/CVWish"}, {"type": "null"}]},
          "updated_at": {"type": "string", "format": "date-time"}
        },
        "required": [
          "id",
          "title",
          "desired_job",
          "education",
          "experience_months",
          "languages",
          "shared",
          "updated_at",
          "desired_locality",
          "education_details",
          "experience",
          "skills",
          "licences",
          "courses"
        ]
      },
      "Export": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "status": {"type": "string", "enum": ["queued", "building", "ready", "expired"]},
          "requested_at": {"type": "string", "format": "date-time"},
          "expires_at": {"type": ["string", "null"], "format": "date-time"},
          "size": {"type": ["integer", "null"]},
          "file": {"type": ["string", "null"], "description": "The ZIP's address once ready."}
        },
        "required": ["id", "status", "requested_at"]
      },
      "Problem": {
        "type": "object",
        "properties": {
          "type": {"type": "string"},
          "title": {"type": "string"},
          "status": {"type": "integer"},
          "detail": {"type": "string"},
          "instance": {"type": "string"},
          "errors": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {"field": {"type": "string"}, "reason": {"type": "string"}},
              "required": ["field", "reason"]
            }
          }
        },
        "required": ["title", "status"]
      },
      "Powiat": {
        "type": "object",
        "properties": {"teryt": {"type": "string"}, "name": {"type": "string"}, "city": {"type": "boolean"}},
        "required": ["teryt", "name", "city"]
      },
      "Office": {
        "type": "object",
        "properties": {
          "id": {"type": "string"},
          "kind": {"type": "string", "enum": ["pup", "wup", "uw"], "description": "pup: powiat labour office; wup: voivodeship labour office; uw: voivode's office (foreigners' department, a helpline of its own)"},
          "name": {"type": "string"},
          "teryt": {"type": "string"},
          "voivodeship": {"type": "string"},
          "voivodeship_teryt": {"type": "string"},
          "locality": {"type": "string"},
          "powiats": {"type": "array", "items": {"$ref": "#/components/schemas/Powiat"}},
          "street": {"type": "string"},
          "postal_code": {"type": "string"},
          "phone": {"type": "string"},
          "email": {"type": "string"},
          "website": {"type": "string"},
          "hours": {"type": "string"},
          "verified": {"type": "boolean"},
          "note": {"type": "string"},
          "postal": {
            "type": "object",
            "properties": {
              "code": {"type": "string"},
              "locality": {"type": "string"},
              "powiat_teryt": {"type": "string"},
              "powiat_method": {"type": "string"}
            },
            "required": []
          }
        },
        "required": ["id", "kind", "name", "teryt", "voivodeship", "voivodeship_teryt", "locality", "powiats", "verified"]
      },
      "Day": {
        "type": "object",
        "properties": {
          "date": {"type": "string", "format": "date"},
          "weekday": {"type": "integer"},
          "open": {"type": "boolean"},
          "holiday": {"type": ["string", "null"]},
          "holiday_id": {"type": ["string", "null"]},
          "hours": {"type": ["string", "null"]}
        },
        "required": ["date", "weekday", "open", "holiday", "holiday_id", "hours"]
      },
      "Validation": {
        "type": "object",
        "properties": {
          "type": {"type": "string"},
          "valid": {"type": "boolean"},
          "reason": {"type": "string"},
          "reason_code": {"type": "string"},
          "normalized": {"type": "string"},
          "birth_date": {"type": "string"},
          "sex": {"type": "string"},
          "local_unit": {"type": "boolean"}
        },
        "required": ["type", "valid"]
      },
      "Offer": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "url": {"type": "string"},
          "title": {"type": "string"},
          "occupation": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
            "required": ["code", "name"]
          },
          "employer": {
            "type": "object",
            "properties": {"name": {"type": "string"}, "verified": {"type": "boolean"}},
            "required": ["verified"]
          },
          "place": {
            "type": "object",
            "properties": {
              "locality": {"type": "string"},
              "postal_code": {"type": "string"},
              "powiat": {"type": "string"},
              "voivodeship": {"type": "string"},
              "country": {"type": "string"}
            },
            "required": ["locality"]
          },
          "contract": {"type": "string"},
          "working_time": {"type": "number"},
          "shifts": {"type": "string"},
          "wage": {
            "type": "object",
            "properties": {
              "min": {"type": "number"},
              "max": {"type": "number"},
              "type": {"type": "string"},
              "currency": {"type": "string"}
            },
            "required": ["type", "currency"]
          },
          "positions": {"type": "integer"},
          "positions_for_disabled": {"type": "integer"},
          "requirements": {
            "type": "object",
            "properties": {
              "education": {"type": "string"},
              "languages": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {"language": {"type": "string"}, "level": {"type": "string"}},
                  "required": ["language", "level"]
                }
              },
              "experience_months": {"type": "integer"},
              "licences": {"type": "string"}
            },
            "required": ["education", "languages", "experience_months", "licences"]
          },
          "duties": {"type": "string"},
          "how_to_apply": {"type": "string"},
          "start_date": {"type": "string"},
          "valid_until": {"type": "string"},
          "published_at": {"type": "string"}
        },
        "required": [
          "id",
          "url",
          "title",
          "occupation",
          "employer",
          "place",
          "contract",
          "working_time",
          "wage",
          "positions",
          "requirements",
          "valid_until"
        ]
      },
      "OfferList": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Offer"}}
        },
        "required": ["total", "page", "per_page", "items"]
      },
      "Occupation": {
        "type": "object",
        "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
        "required": ["code", "name"]
      },
      "Candidate": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "desired_job": {"type": "string"},
          "occupation": {
            "type": "object",
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
            "required": ["code"]
          },
          "desired_locality": {"type": "string"},
          "voivodeship": {"type": "string"},
          "powiat": {"type": "string"},
          "education": {"type": "string"},
          "education_details": {"type": "string"},
          "experience_months": {"type": "integer"},
          "experience": {"type": "string"},
          "languages": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {"language": {"type": "string"}, "level": {"type": "string"}},
              "required": ["language", "level"]
            }
          },
          "skills": {"type": "string"},
          "licences": {"type": "string"},
          "courses": {"type": "string"},
          "updated_at": {"type": "string", "format": "date-time"}
        },
        "required": ["id", "updated_at"]
      },
      "CandidateList": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"},
          "total_is_lower_bound": {"type": "boolean"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Candidate"}}
        },
        "required": ["total", "total_is_lower_bound", "page", "per_page", "items"]
      },
      "MatchList": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "offer": {
                  "type": "object",
                  "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "title": {"type": "string"},
                    "company": {"type": "string"},
                    "locality": {"type": "string"},
                    "country": {"type": "string"}
                  },
                  "required": ["id", "title", "locality"]
                },
                "cv_id": {"type": "string", "format": "uuid"},
                "score": {"type": "integer", "minimum": 0, "maximum": 100},
                "reasons": {"type": "array", "items": {"type": "string"}}
              },
              "required": ["offer", "cv_id", "score", "reasons"]
            }
          },
          "blocked": {"type": "string"}
        },
        "required": ["items"]
      },
      "Event": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "url": {"type": "string"},
          "kind": {"type": "string", "enum": ["training", "job_fair"]},
          "title": {"type": "string"},
          "organiser": {"type": "string"},
          "topic": {"type": "string"},
          "description": {"type": "string"},
          "online": {"type": "boolean"},
          "place": {
            "type": "object",
            "properties": {
              "locality": {"type": "string"},
              "address": {"type": "string"},
              "postal_code": {"type": "string"},
              "powiat": {"type": "string"},
              "voivodeship": {"type": "string"}
            },
            "required": ["locality", "address"]
          },
          "starts_at": {"type": "string", "format": "date-time"},
          "ends_at": {"type": "string", "format": "date-time"},
          "price": {"type": "number"},
          "currency": {"type": "string"},
          "funding": {"type": "string"},
          "seats": {"type": "integer"},
          "office_id": {"type": "string"}
        },
        "required": [
          "id",
          "url",
          "kind",
          "title",
          "organiser",
          "topic",
          "description",
          "online",
          "place",
          "starts_at",
          "currency",
          "funding",
          "office_id"
        ]
      },
      "EventList": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/Event"}}
        },
        "required": ["total", "page", "per_page", "items"]
      },
      "Queue": {
        "type": "object",
        "properties": {
          "office_id": {"type": "string"},
          "topic": {"type": "string"},
          "waiting": {"type": "integer"},
          "longest_wait_seconds": {"type": "integer"},
          "answered_today": {"type": "integer"},
          "abandoned_today": {"type": "integer"},
          "service_level_today": {"type": "number"},
          "ratings_today": {"type": "integer"},
          "satisfaction_today": {"type": "number"}
        },
        "required": [
          "office_id",
          "topic",
          "waiting",
          "longest_wait_seconds",
          "answered_today",
          "abandoned_today",
          "ratings_today"
        ]
      },
      "QueueList": {
        "type": "object",
        "properties": {
          "generated_at": {"type": "string", "format": "date-time"},
          "queues": {"type": "array", "items": {"$ref": "#/components/schemas/Queue"}}
        },
        "required": ["generated_at", "queues"]
      },
      "Agent": {
        "type": "object",
        "properties": {
          "id": {"type": "string"},
          "state": {"type": "string", "enum": ["available", "busy", "wrap_up", "break", "offline", "not_responding"]},
          "reason": {"type": "string"},
          "offices": {"type": "array", "items": {"type": "string"}},
          "national_pool": {"type": "boolean"},
          "languages": {"type": "array", "items": {"type": "string"}}
        },
        "required": ["id", "state", "offices", "national_pool", "languages"]
      },
      "KBEntry": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "url": {"type": "string"},
          "kind": {"type": "string"},
          "category": {"type": "string"},
          "language": {"type": "string"},
          "office_id": {"type": "string"},
          "title": {"type": "string"},
          "summary": {"type": "string"},
          "body": {"type": "string"},
          "tags": {"type": "array", "items": {"type": "string"}},
          "legal_basis": {"type": "string"},
          "translation_of": {"type": "string", "format": "uuid"},
          "updated_at": {"type": "string", "format": "date-time"}
        },
        "required": ["id", "url", "kind", "category", "language", "title", "summary", "body", "tags", "updated_at"]
      },
      "KBList": {
        "type": "object",
        "properties": {
          "total": {"type": "integer"},
          "page": {"type": "integer"},
          "per_page": {"type": "integer"},
          "items": {"type": "array", "items": {"$ref": "#/components/schemas/KBEntry"}}
        },
        "required": ["total", "page", "per_page", "items"]
      },
      "AppToken": {
        "type": "object",
        "properties": {
          "token": {"type": "string", "pattern": "^zla_"},
          "id": {"type": "string", "format": "uuid"},
          "device": {"type": "string"},
          "scopes": {"type": "array", "items": {"type": "string", "enum": ["read", "alerts", "cvs", "privacy", "contact"]}},
          "expires_at": {"type": "string", "format": "date-time"}
        },
        "required": ["token", "id", "device", "scopes", "expires_at"]
      },
      "Alert": {
        "type": "object",
        "properties": {
          "id": {"type": "string", "format": "uuid"},
          "kind": {"type": "string", "enum": ["offers", "trainings", "job_fairs", "candidates", "matches", "news"]},
          "label": {"type": "string"},
          "query": {"type": "string"},
          "frequency": {"type": "string", "enum": ["daily", "weekly"]},
          "active": {"type": "boolean"},
          "created_at": {"type": "string", "format": "date-time"},
          "last_run_at": {"type": "string", "format": "date-time"}
        },
        "required": ["id", "kind", "label", "query", "frequency", "active", "created_at"]
      },
      "AlertList": {
        "type": "object",
        "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Alert"}}},
        "required": ["items"]
      },
      "CVList": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "id": {"type": "string", "format": "uuid"},
                "title": {"type": "string"},
                "desired_job": {"type": "string"},
                "occupation_code": {"type": "string"},
                "shared": {
                  "type": "array",
                  "items": {
                    "type": "string",
                    "enum": ["desired", "education", "experience", "languages", "skills", "licences", "courses"]
                  }
                },
                "updated_at": {"type": "string", "format": "date-time"}
              },
              "required": ["id", "title", "desired_job", "shared", "updated_at"]
            }
          }
        },
        "required": ["items"]
      },
      "KBSuggest": {
        "type": "object",
        "properties": {
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {"id": {"type": "string", "format": "uuid"}, "title": {"type": "string"}},
              "required": ["id", "title"]
            }
          }
        },
        "required": ["items"]
      }
    },
    "parameters": {
      "page": {
        "name": "page",
        "in": "query",
        "required": false,
        "description": "Page, from 1.",
        "schema": {"type": "string"}
      },
      "per_page": {
        "name": "per_page",
        "in": "query",
        "required": false,
        "description": "Results per page (at most 50).",
        "schema": {"type": "string"}
      },
      "lang": {
        "name": "lang",
        "in": "query",
        "required": false,
        "description": "Language of messages and texts: pl, en, ru or uk (else Accept-Language, else Polish).",
        "schema": {"type": "string", "enum": ["pl", "en", "ru", "uk"]}
      },
      "event_q": {
        "name": "q",
        "in": "query",
        "required": false,
        "description": "Words of the title, topic or description.",
        "schema": {"type": "string"}
      },
      "event_voivodeship": {
        "name": "voivodeship",
        "in": "query",
        "required": false,
        "description": "TERYT code of a voivodeship (2 digits).",
        "schema": {"type": "string"}
      },
      "event_office": {
        "name": "office",
        "in": "query",
        "required": false,
        "description": "Office id.",
        "schema": {"type": "string"}
      },
      "event_no_cost": {
        "name": "no_cost",
        "in": "query",
        "required": false,
        "description": "Any value: only those free of charge.",
        "schema": {"type": "string"}
      },
      "event_online": {
        "name": "online",
        "in": "query",
        "required": false,
        "description": "Any value: only online ones.",
        "schema": {"type": "string"}
      },
      "event_from": {
        "name": "from",
        "in": "query",
        "required": false,
        "description": "Starting on or after this day (YYYY-MM-DD).",
        "schema": {"type": "string"}
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The parameters are wrong: `errors` names each field with a reason in the user's language.",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      },
      "Unauthorized": {
        "description": "Not signed in (no session, no valid token).",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      },
      "Forbidden": {
        "description": "Signed in, but the role, the office scope or the token's scope does not allow it (or a cookie's write without its CSRF token).",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      },
      "NotFound": {
        "description": "Nothing with this identifier.",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      },
      "TooManyRequests": {
        "description": "Too many requests from this address; try later.",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      }
    },
    "securitySchemes": {
      "session": {"type": "apiKey", "in": "cookie", "name": "zl_session", "description": "The portal's session cookie."},
      "staffToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A staff member's personal API token (reads only), made at /staff/security."
      },
      "appToken": {
        "type": "http",
        "scheme": "bearer",
        "description": "A Moja Praca device's token (`zla_…`) from /api/v1/app/sign-in."
      }
    }
  }
}
"""#
}
