"""Every model of every installed app, as content or activity: the page cache's allow-list.

Saving or deleting a CONTENT model starts a new page-cache generation (hub.page_cache), so every
stored page and remembered part renders afresh. ACTIVITY models record what people do (sign-ins,
comments, answers, emails, sessions, logs, drafts) and never touch the cache, so no visitor can
empty it. tests/hub/test_page_cache_models.py fails for a model in neither list (or both): add
each new model to one of them.

Pages and their parts (tags, outcomes, parental many-to-many rows) are content, but their own
saves are drafts until published: a page moves the generation when it is published, unpublished,
moved or deleted, or saved whole while live.
"""

CONTENT = frozenset(
    {
        # Pages and their parts.
        "wagtailcore.page",
        "hub.homepage",
        "hub.standardpage",
        "strategy.resourceindexpage",
        "strategy.resourcepage",
        "strategy.resourcepagetag",
        "strategy.resourcepage_themes",
        "strategy.resourcepage_key_areas",
        "strategy.resourcepage_categories",
        "strategy.strategyindexpage",
        "strategy.strategyeditionpage",
        "strategy.themepage",
        "strategy.keyareapage",
        "strategy.keyareapagetag",
        "strategy.categorystrategyindexpage",
        "strategy.categorystrategypage",
        "strategy.categorystrategypagetag",
        "strategy.toolkitindexpage",
        "strategy.toolkitpage",
        "strategy.toolkitpagetag",
        "progress.progressindexpage",
        "progress.findingspage",
        "casestudies.casestudyindexpage",
        "casestudies.casestudypage",
        "casestudies.casestudypagetag",
        "casestudies.casestudypage_partner_councils",
        "casestudies.casestudypage_themes",
        "casestudies.casestudypage_key_areas",
        "casestudies.casestudypage_categories",
        "casestudies.casestudyoutcome",
        "consultations.consultationindexpage",
        "consultations.consultationpage",
        # Snippets and settings.
        "hub.sitesettings",
        "hub.theme",
        "hub.keyarea",
        "hub.category",
        "hub.region",
        "hub.counciltype",
        "hub.council",
        "hub.maturitylevel",
        # The Procurement Act rules, glossary and data version: shown on the Act tools' pages
        # and, for glossary terms, as links in the Act toolkit.
        "strategy.valueline",
        "strategy.minimumperiod",
        "strategy.notice",
        "strategy.glossaryterm",
        "strategy.rulesversion",
        # Guidance pages' owning teams, and the change notes their pages list.
        "hub.team",
        "hub.changenote",
        # Self-assessment cycles and submitted returns feed the national findings.
        "progress.cycle",
        "progress.cycle_key_areas",
        "progress.return",
        # Images, documents, collections, tags, redirects, sites and who may see what.
        "wagtailimages.image",
        "wagtaildocs.document",
        "wagtailcore.collection",
        "wagtailcore.collectionviewrestriction",
        "wagtailcore.collectionviewrestriction_groups",
        "wagtailcore.pageviewrestriction",
        "wagtailcore.pageviewrestriction_groups",
        "wagtailcore.site",
        "wagtailcore.locale",
        "wagtailredirects.redirect",
        "wagtailsearchpromotions.searchpromotion",
        # The search index: the worker updates it after a publish, and search pages show it.
        "wagtailsearch.indexentry",
        "wagtailsearch.sqliteftsindexentry",
        "taggit.tag",
        "taggit.taggeditem",
    }
)

ACTIVITY = frozenset(
    {
        # Consultation respondents: comments show only on published responses, never stored.
        "consultations.comment",
        "consultations.lateentrylink",
        "consultations.subscription",
        # Analysts' themes, tags and campaign groups are seen only in the admin.
        "consultations.analysedcomment",
        "consultations.responsetheme",
        "consultations.coding",
        "consultations.coding_themes",
        "consultations.campaigngroup",
        "consultations.campaignmember",
        # Readers' "Is this page useful?" answers (shown only in the admin), and the records of
        # reminders sent to owning teams (their emails are in the outbox).
        "hub.pagefeedback",
        "hub.reviewreminder",
        # Self-assessment work in progress and sign-in; submitting a return saves the Return.
        "progress.respondent",
        "progress.invitation",
        "progress.answer",
        "progress.supersededanswer",
        "progress.signinlink",
        # Who speaks for a council: councils' email domains and the officers a manager verified
        # are read only to verify people (never shown on a stored page); requests for access.
        "hub.councildomain",
        "hub.managerverification",
        "progress.accessrequest",
        # Sign-in, accounts, permissions and sessions.
        "auth.user",
        "auth.user_groups",
        "auth.user_user_permissions",
        "auth.group",
        "auth.group_permissions",
        "auth.permission",
        "axes.accessattempt",
        "axes.accessattemptexpiration",
        "axes.accessfailurelog",
        "axes.accesslog",
        "sessions.session",
        "contenttypes.contenttype",
        "wagtailusers.userprofile",
        "wagtailcore.grouppagepermission",
        "wagtailcore.groupcollectionpermission",
        "wagtailcore.groupsitepermission",
        "wagtailcore.apitoken",
        # Editing: drafts, workflows, comments, logs, locks (publishing is what shows).
        "wagtailcore.revision",
        "wagtailcore.workflow",
        "wagtailcore.workflowcontenttype",
        "wagtailcore.workflowpage",
        "wagtailcore.workflowstate",
        "wagtailcore.workflowtask",
        "wagtailcore.task",
        "wagtailcore.taskstate",
        "wagtailcore.groupapprovaltask",
        "wagtailcore.groupapprovaltask_groups",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.pagesubscription",
        "wagtailcore.referenceindex",
        "wagtailcore.uploadedfile",
        "wagtailadmin.admin",
        "wagtailadmin.editingsession",
        "wagtailadmin.formstate",
        "admin.logentry",
        # Made or counted as visitors use the site.
        "wagtailimages.rendition",
        "wagtailembeds.embed",
        "wagtailsearchpromotions.query",
        "wagtailsearchpromotions.querydailyhits",
        "wagtailforms.formsubmission",
        # Background work (emails, index updates) queued and its results.
        "hub.email",
        "django_tasks_database.dbtaskresult",
    }
)
