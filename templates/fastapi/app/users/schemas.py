from pydantic import BaseModel, ConfigDict


class Credentials(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"username": "admin", "password": "your password"}]},
    )

    username: str
    password: str


class Token(BaseModel):
    token: str
