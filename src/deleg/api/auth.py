"""Who is calling: a bearer token for programs, the site's session for its own pages."""
from datetime import timedelta

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from deleg.api.models import ApiToken
from deleg.api.services import api_key_hash

# Writing last_used on every request would turn each read into a write; a minute is precise enough.
LAST_USED_PRECISION = timedelta(minutes=1)


class ApiTokenAuth(HttpBearer):
    """`Authorization: Bearer <key>` with a key that is neither revoked nor of a deactivated user."""

    def authenticate(self, request, token: str):
        found = (
            ApiToken.objects.select_related("user")
            .filter(key_sha256=api_key_hash(token), revoked=False, user__is_active=True)
            .first()
        )
        if found is None:
            return None
        now = timezone.now()
        if found.last_used is None or now - found.last_used > LAST_USED_PRECISION:
            ApiToken.objects.filter(pk=found.pk).update(last_used=now)
        request.user = found.user
        return found.user


class SiteSessionAuth(SessionAuth):
    """The signed-in session; CSRF is checked only for a signed-in user, so a stranger gets 401, not 403."""

    def _get_key(self, request):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)
