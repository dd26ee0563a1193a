from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedCache(models.Model):
    """The last good content of one feed, shared by every process; see `playlists.feeds.cache`."""

    kind = models.CharField(_("kind"), max_length=20)
    url = models.CharField(_("address"), max_length=2000)
    content = models.JSONField(_("content"), null=True, blank=True)
    fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    # Due when this has passed; a process claims a refresh by moving it forward (a conditional UPDATE).
    next_fetch_at = models.DateTimeField(_("next fetch"), db_index=True)
    error = models.TextField(_("last error"), blank=True)
    error_at = models.DateTimeField(_("last error at"), null=True, blank=True)

    class Meta:
        app_label = "playlists"
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        constraints = [models.UniqueConstraint(fields=["kind", "url"], name="feed_cache_kind_url")]

    def __str__(self):
        return f"{self.kind}: {self.url}"
