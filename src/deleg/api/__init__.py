"""The JSON API: one NinjaAPI that mounts each app's router, with token auth and error handlers."""
