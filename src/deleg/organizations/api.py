"""Organisations over the API: the delegators and performers of public agreements, readable by anyone."""
from ninja import Router
from ninja.pagination import paginate

from deleg.api.pagination import Pagination
from deleg.api.schemas import PUBLIC_ERRORS, READ_ERRORS
from deleg.organizations.schemas import OrganizationOut
from deleg.organizations.selectors import organization_public_list

router = Router(tags=["organisations"], auth=None)


@router.get("/organizations", response={200: list[OrganizationOut], **PUBLIC_ERRORS})
@paginate(Pagination)
def organization_list(request):
    """Ministries and performers that appear in agreements past their draft."""
    return organization_public_list()


@router.get("/organizations/{int:id}", response={200: OrganizationOut, **READ_ERRORS})
def organization_detail(request, id: int):
    return organization_public_list().get(pk=id)
