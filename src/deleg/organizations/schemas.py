"""API shapes of organisations."""
from ninja import Schema


class OrganizationOut(Schema):
    id: int
    name: str
    legal_form: str
    registration_number: str
    region: str
    role: str
