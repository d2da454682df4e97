"""The OpenAPI 3.0 description of the partners' API (lms/cohorts/api.py), checked against it in tests."""

_COUNT = {"oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "enum": ["<5"]}]}
_PAGING = [
    {
        "name": "page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100000, "default": 1},
    },
    {
        "name": "per_page",
        "in": "query",
        "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 20},
    },
]
_ID = {
    "name": "cohort_id",
    "in": "path",
    "required": True,
    "schema": {"type": "integer", "minimum": 1, "maximum": 2147483647},
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


_ERRORS = {"401": _error("Missing, unknown or revoked token"), "400": _error("Bad parameters")}
_NOT_FOUND = {"404": _error("No such group for this partner")}


def _ok(schema: str) -> dict:
    return {
        "description": "OK",
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _page_of(item: str) -> dict:
    return {
        "type": "object",
        "required": ["items", "page", "per_page", "total"],
        "additionalProperties": False,
        "properties": {
            "items": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
            "page": {"type": "integer", "minimum": 1},
            "per_page": {"type": "integer", "minimum": 1, "maximum": 100},
            "total": {"type": "integer", "minimum": 0},
        },
    }


_NULLABLE_DATE = {"type": "string", "format": "date", "nullable": True}
_NULLABLE_TIME = {"type": "string", "format": "date-time", "nullable": True}

DOCUMENT = {
    "openapi": "3.0.3",
    "info": {
        "title": "Ponte partners' API",
        "version": "1.0.0",
        "description": (
            "Read-only access for a partner's own systems to its groups, their members' progress and "
            'aggregate reports (counts under 5 are returned as "<5").'
        ),
    },
    "servers": [{"url": "/"}],
    "security": [{"token": []}],
    "paths": {
        "/api/v1/cohorts": {
            "get": {
                "summary": "The partner's groups",
                "operationId": "listCohorts",
                "parameters": _PAGING,
                "responses": {"200": _ok("CohortPage"), **_ERRORS},
            },
        },
        "/api/v1/cohorts/{cohort_id}": {
            "get": {
                "summary": "One group",
                "operationId": "getCohort",
                "parameters": [_ID],
                "responses": {"200": _ok("Cohort"), **_ERRORS, **_NOT_FOUND},
            },
        },
        "/api/v1/cohorts/{cohort_id}/members": {
            "get": {
                "summary": "A group's members and their progress",
                "operationId": "listMembers",
                "parameters": [_ID, *_PAGING],
                "responses": {"200": _ok("MemberPage"), **_ERRORS, **_NOT_FOUND},
            },
        },
        "/api/v1/cohorts/{cohort_id}/report": {
            "get": {
                "summary": "The funder report of a group, with small-cell suppression",
                "operationId": "getReport",
                "parameters": [
                    _ID,
                    {"name": "start", "in": "query", "schema": {"type": "string", "format": "date"}},
                    {"name": "end", "in": "query", "schema": {"type": "string", "format": "date"}},
                ],
                "responses": {"200": _ok("Report"), **_ERRORS, **_NOT_FOUND},
            },
        },
    },
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "Cohort": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "id",
                    "name",
                    "province",
                    "municipality",
                    "languages",
                    "starts_on",
                    "ends_on",
                    "courses",
                    "members",
                ],
                "properties": {
                    "id": {"type": "integer"},
                    "name": {"type": "string"},
                    "province": {"type": "string"},
                    "municipality": {"type": "string"},
                    "languages": {"type": "array", "items": {"type": "string"}},
                    "starts_on": {"type": "string", "format": "date"},
                    "ends_on": _NULLABLE_DATE,
                    "courses": {"type": "array", "items": {"type": "string"}},
                    "members": {"type": "integer", "minimum": 0},
                },
            },
            "CohortPage": _page_of("Cohort"),
            "Member": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "username",
                    "display_name",
                    "joined_at",
                    "left_at",
                    "modules_completed",
                    "modules_total",
                    "courses_completed",
                    "last_activity",
                ],
                "properties": {
                    "username": {"type": "string"},
                    "display_name": {"type": "string"},
                    "joined_at": {"type": "string", "format": "date-time"},
                    "left_at": _NULLABLE_TIME,
                    "modules_completed": {"type": "integer", "minimum": 0},
                    "modules_total": {"type": "integer", "minimum": 0},
                    "courses_completed": {"type": "integer", "minimum": 0},
                    "last_activity": _NULLABLE_TIME,
                },
            },
            "MemberPage": _page_of("Member"),
            "Report": {
                "type": "object",
                "additionalProperties": False,
                "required": [
                    "start",
                    "end",
                    "participants",
                    "completions",
                    "certificates",
                    "hours",
                    "breakdowns",
                ],
                "properties": {
                    "start": _NULLABLE_DATE,
                    "end": _NULLABLE_DATE,
                    "participants": _COUNT,
                    "completions": _COUNT,
                    "certificates": _COUNT,
                    "hours": {"type": "number", "minimum": 0},
                    "breakdowns": {
                        "type": "object",
                        "additionalProperties": {
                            "type": "object",
                            "additionalProperties": {
                                "type": "object",
                                "required": ["participants", "completions"],
                                "properties": {"participants": _COUNT, "completions": _COUNT},
                            },
                        },
                    },
                },
            },
        },
    },
}
