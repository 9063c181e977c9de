# Interface messages: English.

## The frame of every page
site-name = Regional Training Catalogue
site-tagline = Training against people smuggling, trafficking in persons and related transnational crime
site-footer = A directory: each course belongs to its provider, who is the one to contact about it.
skip-to-main = Skip to main content
skip-to-results = Skip to the results
nav-account = Account
nav-dashboard = Dashboard
nav-review = Review
nav-organisations = Organisations
nav-people = People
nav-topics = Topics
nav-sign-out = Sign out
nav-sign-in = Sign in
nav-sign-in-why = to list your training
nav-languages = Language
error-no-such-language = The site has no interface in “{ $tag }”. Choose one of the languages listed.

## Names of values
kind-course = Course
kind-workshop = Workshop
kind-elearning = E-learning
kind-material = Training material
delivery-in-person = In person
delivery-online = Online
delivery-blended = Blended
provider-type-member-state = Member state
provider-type-international-organisation = International organisation
provider-type-regional-institution = Regional training institution
provider-type-civil-society = Civil society
provider-type-academic = Academic institution
state-draft = Draft
state-submitted = Waiting for review
state-changes-requested = Changes requested
state-published = Published
state-withdrawn = Withdrawn
state-archived = Archived
role-contributor = Contributor
role-secretariat = Secretariat
facet-topic = Topic
facet-language = Language
facet-provider = Provider
facet-kind = Kind
facet-delivery = Delivery
facet-country = Country
facet-audience = Audience

## The search page
search-title = Find training
search-title-query = “{ $query }”
search-label = Search courses, workshops, e-learning and materials
search-placeholder = e.g. document examination, victim identification
search-button = Search
sort-relevance = Best match
sort-start = Next session
sort-updated = Recently updated
sort-title = Title
sort-label = Sort results
sort-by = Sort by:
facets-heading = Narrow the results
facets-explained = Each filter shows how many results choosing it gives.
facet-more = More ({ $count })
facet-all = All { $count } values, by name
filter-values-title = { $facet }: every value
filter-values-back = Back to the results
filter-values-for = For the search “{ $query }”; choosing a value applies it to the results.
filter-values-unknown = There is no such filter. The filters are topic, language, provider, kind, delivery, country and audience.
facet-selected = (selected; select again to remove)
filters-in-use = Filters in use
filter-remove = (remove this filter)
filters-clear = Clear all filters
filters-jump = Filters
results-none = No training found
results-count = { $count -> 
    [one] { $count } result
    *[other] { $count } results
    }
did-you-mean = Did you mean:
results-page-empty = There are no results on this page.
results-first-page = Go to the first page
results-nothing = Nothing matches this search.
results-other-languages = No listing has “{ $query }” in its own words. These listings are about the same thing in other languages.
results-given-in = Only training given in { $language } ({ $count })
results-advice = Check the spelling, or try fewer or more general words.
results-without-filters = Search again without filters
results-browse-all = Browse the whole catalogue
hit-translated = { $shown } translation; the listing is in { $original }
hit-matched-glossary = Matched “{ $query }” → { $term }
hit-matched-vocabulary = Matched “{ $query }” → { $facet }: { $value }
hit-next-session = Next session
hit-any-time = Available any time
hit-on-request = On request
hit-none-scheduled = None scheduled
hit-languages = Languages
pages-label = Pages of results
pages-previous = Previous
pages-next = Next
pages-page = Page

## Dates

## A listing's page
breadcrumb = Breadcrumb
listing-back = Search the catalogue
listing-edit = Edit this listing
listing-history = History
listing-contact = Contact the provider
listing-enquire = Send an enquiry
listing-enquire-about = about this training
listing-owned = The catalogue lists this training; the provider owns it and answers enquiries.
listing-provider = Provider
listing-location = Location
listing-languages = Languages
listing-topics = Topics
listing-audience = For
listing-url = More information
listing-updated = Last updated
listing-confirmed = Confirmed by its provider
listing-stale = Not confirmed for over a year: check the details with the provider.
listing-about = About this training
listing-dates = Dates
listing-any-time = Available any time. Contact the provider for access or copies.
listing-no-dates = No dates are scheduled. Contact the provider to ask when it runs next or to request it.
listing-session-ended = (ended)
listing-session-next = (next)
listing-in-language = In { $language }
listing-translation-shown = This page is shown in its { $language } translation.
listing-show-original = Show the original ({ $language })
listing-original-shown = This is the original text, in { $language }.
listing-show-translation = Show the { $language } translation

## Enquiries
enquiry-title = Ask about “{ $listing }”
enquiry-back = Back to the listing
enquiry-heading = Ask the provider
enquiry-about = About:
enquiry-listed-by = Listed by:
enquiry-explained = Your message goes to the people at { $provider } who maintain this listing. They answer you by e-mail.
enquiry-name = Your name
enquiry-email = Your e-mail address
enquiry-email-hint = The provider replies to this address.
enquiry-message = Your question
enquiry-message-hint = For example: the next dates, who may attend, how to apply.
enquiry-send = Send the enquiry

## Error pages
error-not-found = Not found
error-bad-request = That request could not be understood
error-forbidden = Not allowed
error-conflict = That cannot be done now
error-invalid = Some details need correcting
error-too-many = Too many attempts
error-fault = Something went wrong
error-unavailable = Not available just now
error-go-search = Go to the search page

## Forms
form-problems = { $count -> 
    [one] Please correct { $count } problem
    *[other] Please correct { $count } problems
    }
form-optional = (optional)
field-email = E-mail address
field-password = Password
field-new-password = New password
field-confirm-password = The new password again
field-current-password = Current password

## Signing in and passwords
sign-in-title = Sign in
sign-in-intro = For national training directors, institutions and the Secretariat who list and maintain training. Searching needs no account.
sign-in-button = Sign in
sign-in-forgotten = Forgotten your password?
sign-in-no-account = No account yet? Accounts are by invitation: ask the Secretariat to invite you to your organisation.
forgot-title = Reset your password
forgot-sent = If { $email } has an account, a link to choose a new password is on its way. It works once, for { $hours } hours.
forgot-nothing-arrived = Nothing arrived? Check the spam folder, or ask the Secretariat to send you a link.
forgot-intro = Give the e-mail address of your account. We send it a link to choose a new password.
forgot-button = Send the link
password-hint = At least { $min } characters. A few unrelated words make a strong password that is easy to remember; common passwords are refused.
choose-password-welcome = Welcome: choose your password
choose-password-title = Choose a new password
choose-password-hello = Welcome, { $name }.
choose-password-invited = You are invited to list and maintain the training of { $organisation }.
choose-password-finish = Choose a password to finish setting up your account.
choose-password-reset = { $name }, choose a new password. You will be signed out everywhere else.
choose-password-button = Save the password and sign in
dead-link-title = This link cannot be used
dead-link-new = Ask for a new password link
dead-link-or-invite = or ask the Secretariat to invite you again.
change-password-title = Change your password
change-password-intro = Changing it signs you out on every other device.
change-password-button = Change the password

## Messages after an action
done-password = Your password is saved.
done-saved = Saved as a draft. Submit it when it is ready for review.
done-submitted = Submitted. The Secretariat will review it; you will see the outcome here.
done-withdrawn = Withdrawn: it no longer appears in the catalogue.
done-confirmed = Thank you: the listing is confirmed as current.
done-approved = Approved and published.
done-changes-requested = Sent back to its owner with your comment.
done-archived = Archived: it no longer appears in the catalogue.
done-organisation = The organisation is saved.
done-invited = The invitation is on its way.
done-reset = A password reset link is on its way.
done-disabled = The account is disabled and signed out everywhere.
done-enabled = The account is enabled again.
done-topic = The topic is saved. Listings on it are being reindexed.
done-sent = Your enquiry is on its way to the provider.
done-settings = Your choices are saved.

## Errors said to the visitor
error-no-page = There is no page at { $path }. Check the address, or search the catalogue.
error-address-too-long = The address is too long (more than { $max } characters). Shorten the search or choose fewer filters.
error-address-not-text = The address has characters that are not text. Check that it was copied whole, or start again from the search page.
error-our-side = Something went wrong on our side. Please try again in a moment.
error-disk-full = The server's disk is full, so nothing was saved. Please try again later.
error-busy = The catalogue is busy, so nothing was saved. Please try again in a few seconds.
error-reindexing = The catalogue is rebuilding its search index, so searching is not possible yet. Please try again in a minute.
error-too-many-from-address = Too many attempts from your address. Wait { $seconds ->
        [one] a second
       *[other] { $seconds } seconds
    }, then try again.
error-too-many-with-token = Too many writes with this API token. Wait { $seconds ->
        [one] a second
       *[other] { $seconds } seconds
    }, then try again.
error-form-expired = This form has expired or was not sent from this site. Go back, reload the page and send it again.
error-secretariat-only = Only the Secretariat can do this. Your dashboard has what your organisation can change.
error-cross-site = This form was sent from another site, so it was refused. Open the page on this site and send it from there.
error-email-invalid = E-mail address: write it whole, such as name@example.org.
enquiry-error-name = Your name: give it, in at most 200 characters.
enquiry-error-email = Your e-mail address: write it whole, such as name@example.org, so the provider can reply.
enquiry-error-message = Your question: write what you would like to know.
enquiry-error-too-long = Your question is { $length } characters long; shorten it to at most { $max }.
sign-in-no-match = That e-mail address and password do not match an account. Check both, or reset your password.
sign-in-throttled-seconds = Too many failed sign-ins for this account. Wait { $seconds } seconds and try again, or reset your password.
sign-in-throttled-minutes = Too many failed sign-ins for this account. Wait { $minutes } minutes and try again, or reset your password.
link-used = This link was used already: each link works once.
link-expired = This link has expired.
link-invalid = This link is not valid. Check that it was copied whole.
password-mismatch = The two passwords differ. Type the same password twice.
password-current-wrong = The current password is not right.
account-gone = The account no longer exists.
review-comment-needed = Say what should change: the owner reads this comment.
password-too-short = The new password is { $chars } characters long; use at least { $min } (a short sentence is easy to remember).
password-too-long = The new password is { $chars } characters long; use at most { $max }.
password-common = The new password is one of the most commonly used passwords, which are guessed first; choose another.

## Forms: problems with a field
form-field-problem = { $field }: { $problem }.
problem-empty = fill it in
problem-too-long = it is { $chars } characters long; shorten it to at most { $max }
problem-count = { $has } given; give between { $min } and { $max }
problem-repeated = “{ $value }” is given twice
problem-not-a-choice = “{ $value }” is not one of the choices; pick one from the list
problem-not-a-date = “{ $value }” is not a date; write it as year-month-day, such as 2027-03-01
problem-implausible-date = { $date } is not a plausible date; give one between the years { $min } and { $max }
problem-ends-before-start = it ends on { $end }, before it starts on { $start }
problem-not-email = “{ $value }” is not an e-mail address; write it whole, such as name@example.org
problem-not-web-address = “{ $value }” is not a web address; it starts with https://
problem-control-character = it holds an invisible control character ({ $code }); retype the text or paste it as plain text
problem-translation-own-language = it is in the listing's own language; translate into another one
problem-translation-twice = there are two translations into “{ $lang }”; merge them into one
problem-city-needed = give the city as well as the country
problem-listing-id = use 3 to 80 lower-case letters, digits and hyphens, such as jclec-document-fraud-2027
problem-id = use only lower-case letters, digits and hyphens, such as iom-thailand
problem-name = give one, in at most { $max } characters
problem-sentence = give one sentence, in at most { $max } characters
problem-contributor-organisation = a contributor belongs to an organisation; choose one

## The contributor's dashboard
dashboard-waiting = { $count ->
    [one] { $count } listing waits for review
    *[other] { $count } listings wait for review
    }
dashboard-changes-requested = Changes requested by the Secretariat
dashboard-due = Due for confirmation
dashboard-due-intro = These have not been confirmed as current for over a year. Check them, edit what changed, and confirm.
dashboard-last-confirmed = last confirmed { $date }
dashboard-listings = Your organisation's listings
dashboard-none-yet = None yet.
dashboard-add-first = Add the first one
dashboard-revision = revision { $state }
dashboard-due-badge = due for confirmation
dashboard-changed = changed { $date }
dashboard-enquiries = Enquiries
dashboard-no-enquiries = No enquiries yet. Visitors reach you through the enquiry form on each listing's page; your addresses stay private.
dashboard-enquiry-about = { $when } UTC · about
dashboard-not-your-organisation = You cannot add listings for the organisation “{ $id }”. Choose your own organisation.
confirm-current = Confirm it is current
revision-draft = in draft
revision-submitted = waiting for review
revision-changes-requested = sent back

## The listing form
listing-form-new = Add a listing
listing-form-edit = Edit “{ $title }”
listing-form-listing = Listing
listing-form-organisation = Organisation
listing-form-id = Listing id
listing-form-id-hint = A short, permanent name for the address of the listing: lower-case letters, digits and hyphens, such as jclec-document-fraud-2027.
listing-form-id-taken = “{ $id }” is taken already; choose another
listing-form-about = About the training
listing-form-lang = Language of the text below
listing-form-title = Title
listing-form-summary = Summary
listing-form-summary-hint = One or two sentences shown in search results (at most { $max } characters).
listing-form-description = Description
listing-form-description-hint = Aims, content, who should attend, how to apply. Separate paragraphs with a blank line.
listing-form-url = Web page
listing-form-url-hint = The provider's own page about it, starting with https://
listing-form-topics = Topics
listing-form-topics-hint = Choose one to six.
listing-form-languages = Languages it is taught in
listing-form-languages-hint = Choose at least one.
listing-form-audience = Who it is for
listing-form-audience-hint = Optional.
listing-form-where = Where
listing-form-city = City
listing-form-dates-hint = One line per session. Leave the spare lines empty; save to get more.
listing-form-session-start = Session { $n } starts
listing-form-session-end = Session { $n } ends
listing-form-contact = Contact for enquiries
listing-form-contact-hint = Shown on the listing's page.
listing-form-contact-name = Name or office
listing-form-contact-role = Role
listing-form-contact-phone = Phone
listing-form-translations = Translations
listing-form-translations-hint = The title and summary in other languages of the region, so officials find it in their own language. Leave the spare one empty if not needed.
listing-form-translation = Translation { $n }
listing-form-translation-language = Language of translation { $n }
listing-form-submit = Submit for review
listing-form-save = Save as draft
status-label = Status:
status-pending-changes = your changes are { $state }; the published version stays as it is until they are approved.
status-changes-asked = The Secretariat asks for changes
status-see-published = See the published page
status-submit-saved = Submit the saved version for review
status-withdraw = Withdraw

## A listing's history
history-title = History of “{ $title }”
history-back = The listing
history-intro = Every change, who made it and when (UTC), oldest first.
history-status-now = Status now:
changes-field = Field
changes-before = Before
changes-after = After
changes-none = (none)
changes-removed = (removed)
audit-created-draft = Created as a draft
audit-created-submitted = Created and submitted for review
audit-edited-draft = Edited (draft)
audit-edited-submitted = Edited and submitted for review
audit-imported = Imported and published
audit-saved = Saved
audit-submitted = Submitted for review
audit-approved = Approved
audit-changes-requested = Changes requested
audit-withdrawn = Withdrawn
audit-archived = Archived
audit-confirmed = Confirmed as current

## Review
review-queue-title = Review queue
review-nothing-waiting = Nothing is waiting for review.
review-queue-count = { $count } waiting, longest waiting first.
review-changes-to-published = changes to a published listing
review-new-listing = new listing
review-submitted = submitted { $when } UTC
review-title = Review “{ $title }”
review-edit-yourself = Edit it yourself
review-changes-heading = Changes against the published version
review-new-heading = A new listing: every field
review-owner-working = Its owner is still working on these changes ({ $state }).
review-no-difference = No field differs from the published version.
review-nothing-of-this = Nothing of this listing waits for review.
review-decision = Decision
review-approve = Approve and publish
review-comment = What should change
review-comment-hint = The owner reads this on their dashboard.
review-send-back = Send back for changes
review-archive-heading = Archive
review-archive-explained = Takes the listing out of the catalogue, for example when its owner no longer answers.
review-archive = Archive this listing

## The Secretariat's administration
admin-name = Name
admin-id = Id
admin-type = Type
admin-role = Role
admin-status = Status
admin-actions = Actions
admin-label = Label
admin-slug = Slug
admin-save = Save
admin-full-name = Full name
admin-organisations-caption = Organisations that list training
admin-all-listings = All listings
admin-add-organisation = Add an organisation
admin-add-organisation-button = Add the organisation
admin-organisation-id-hint = Short and permanent: lower-case letters, digits and hyphens, such as jclec or iom-thailand.
admin-organisation-id-taken = an organisation with the id “{ $id }” exists already; choose another id
admin-organisation-title = Organisation “{ $id }”
admin-organisation-explained = Changes show on all its listings at once.
admin-no-such-organisation = There is no organisation “{ $id }”.
admin-no-organisation = — (Secretariat only)
admin-no-mail-server = No mail server is configured, so the message waits in the outbox.
admin-see-outbox = See the outbox
admin-give-link = Give the person this link yourself; it works once:
admin-people-caption = People with accounts
admin-disabled = Disabled
admin-invited = Invited
admin-active = Active
admin-send-link = Send a password link
admin-enable = Enable
admin-disable = Disable
admin-invite = Invite a person
admin-invite-explained = They receive a link to choose a password; it works once, for { $days } days.
admin-invite-button = Send the invitation
admin-email-taken = { $email } already has an account; send that person a password link instead
admin-no-such-account = There is no account number { $id }.
admin-account-disabled = The account of { $name } is disabled; enable it first.
admin-not-yourself = You cannot disable your own account.
admin-outbox = Outbox
admin-outbox-configured = Mail is sent through the configured mail server; failures are retried.
admin-outbox-unconfigured = No mail server is configured: messages wait here. Pass links on to people yourself.
admin-mail-to = { $when } UTC · to { $recipient }
admin-mail-sent = sent { $when }
admin-mail-failed = not sent after { $attempts } attempts:
admin-mail-waiting = waiting
admin-topics-explained = Listings are filed under these topics; searchers filter by them. A slug never changes, since listings refer to it; labels and descriptions can.
admin-topic-names = Names in other languages
admin-topic-names-hint = How the topic is named to readers of each language, and the words a search in that language finds it by. Leave a field empty to show the English label.
admin-topic-use = { $count ->
    [one] { $count } published listing
    *[other] { $count } published listings
    }
admin-add-topic = Add a topic
admin-add-topic-button = Add the topic
admin-slug-hint = Lower-case letters, digits and hyphens, such as maritime-search-and-rescue. It cannot be changed later.
admin-topic-description-hint = One sentence saying what belongs under the topic.
admin-topic-taken = the topic “{ $slug }” exists already; choose another slug
admin-no-such-topic = There is no topic “{ $slug }”.
admin-topic-not-saved = The topic “{ $slug }” was not saved.

## Refused actions and unreadable requests
refusal-secretariat-only = Only the Secretariat can approve, send back or archive listings.
refusal-other-organisation = This listing belongs to the organisation “{ $org }”; you can only change your own organisation's listings.
refusal-listing-for-another-organisation = You can only list training for your own organisation, not for “{ $org }”.
refusal-no-such-listing = The listing does not exist. Add it first.
refusal-archived = The Secretariat archived this listing. Ask the Secretariat to restore it.
refusal-already-submitted = It is already waiting for review.
refusal-nothing-to-submit = There are no unsent changes to submit. Edit the listing first.
refusal-nothing-waiting = There is no submitted version waiting for review.
refusal-already-withdrawn = It is already withdrawn.
refusal-already-archived = It is already archived.
listing-missing = No listing has the id “{ $id }”. It may have been removed; search the catalogue for it.
form-not-a-form = Send this form from its page on this site.
form-unreadable = The form could not be read. Go back, reload the page and send it again.
search-bad-value = This search address has a value the catalogue does not know (“{ $value }”), perhaps from an old or shortened link. Start again from the search page.
search-too-many-filters = At most { $max } filters of one kind can be chosen at once. Remove some and search again.
search-text-too-long = The search text is { $chars } characters long; shorten it to at most { $max }.
search-beyond-window = Only the first { $max } results can be paged through. Narrow the search with filters.

## Mail
mail-dear = Dear { $name },
mail-invitation-subject = Your invitation to the Regional Training Catalogue
mail-invitation-for = The Secretariat has invited you to list and maintain training for { $organisation } in the Regional Training Catalogue.
mail-invitation-secretariat = The Secretariat has invited you to list and maintain training in the Regional Training Catalogue.
mail-invitation-link = Choose your password here (the link works once, for { $days } days):
mail-invitation-unexpected = If you did not expect this invitation, you can ignore this message.
mail-reset-subject = Choose a new password for the Regional Training Catalogue
mail-reset-asked = Someone (probably you, or the Secretariat on your behalf) asked for a new password for your account.
mail-reset-link = Choose it here (the link works once, for { $hours } hours):
mail-reset-unexpected = If you did not ask for this, you can ignore this message: your password stays as it is.
mail-enquiry-subject = Enquiry about “{ $title }”
mail-enquiry-from = { $name } <{ $email }> sent an enquiry through the Regional Training Catalogue about “{ $title }”:
mail-enquiry-reply = Reply to { $email } directly. All enquiries to your organisation are listed on your dashboard:
mail-footer-choices = You receive this because you chose to. Change what the catalogue mails you, or its language, here:
mail-review-subject-new = Waiting for review: “{ $title }”
mail-review-subject-revision = Changes waiting for review: “{ $title }”
mail-review-new = { $organisation } submitted a new listing for review: “{ $title }”.
mail-review-revision = { $organisation } submitted changes to its published listing “{ $title }”. The published version stays public until the changes are approved.
mail-review-link = Review it here:
mail-published-subject = Published: “{ $title }”
mail-published = The Secretariat approved “{ $title }”: it is now public in the catalogue. See it here:
mail-changes-subject = Changes requested: “{ $title }”
mail-changes = The Secretariat asks for changes to “{ $title }” before publishing it:
mail-changes-link = Edit it and submit it again here:
mail-archived-subject = Archived: “{ $title }”
mail-archived = The Secretariat archived “{ $title }”: it is no longer shown in the catalogue.
mail-archived-comment = The Secretariat's comment:
mail-archived-link = Your organisation's listings:
mail-reminder-soon-subject = Please confirm your listings are still current
mail-reminder-due-subject = Your listings have gone a year unconfirmed
mail-reminder-soon = In 30 days, these listings of { $organisation } will have gone a year without anyone confirming they are current. Officials plan their training on what the catalogue shows, so please check each one.
mail-reminder-due = These listings of { $organisation } have gone a year without anyone confirming they are current. Please check each one: the catalogue shows officials which listings are out of date.
mail-reminder-confirmed = last confirmed { $date }
mail-reminder-link = Still current? Confirm it in one click, without signing in (the link works once, until { $date }):
mail-reminder-change = If something has changed, sign in and edit the listing; if it no longer runs, withdraw it:
mail-reminder-contact = You receive this because your address is the contact of these listings, and nobody from { $organisation } signs in to the catalogue yet. To manage them yourself, ask the Secretariat for an invitation.
mail-digest-subject = The catalogue's week ({ $week })
mail-digest-reviews = Waiting for review: { $count }
mail-digest-waiting-since = waiting since { $date }
mail-digest-unconfirmed = Published listings unconfirmed for a year: { $count }
mail-digest-ended = Published listings whose sessions have all ended: { $count }
mail-digest-zero = Searches of the last 7 days that found nothing, most frequent first:
mail-digest-zero-none = No search of the last 7 days found nothing.
mail-digest-times = { $count ->
    [one] once
   *[other] { $count } times
}
settings-title = Mail and language
settings-intro = Choose what the catalogue mails you, and the language it writes in.
settings-language = Language of your mail
settings-mail = Mail you receive
settings-reviews = Each submission or change waiting for review
settings-digest = A weekly digest: reviews waiting, listings out of date, searches that found nothing
settings-listing-news = When one of our listings is published, sent back with changes requested, or archived
settings-reminders = Reminders to confirm our listings are still current
settings-always = Invitations, password links and enquiries about your listings are always sent.
settings-save = Save
settings-language-invalid = Choose one of the languages in the list.
confirm-link-title = Confirm a listing is current
confirm-link-question = Is “{ $title }” still current: its dates, places and contact?
confirm-link-last = Last confirmed { $date }.
confirm-link-button = Yes, it is current
confirm-link-change = Something has changed? Sign in to edit or withdraw it instead.
confirm-link-done-title = Thank you
confirm-link-done = “{ $title }” is confirmed as current. The catalogue will ask again in a year.
confirm-link-used = “{ $title }” was confirmed on { $date }: there is nothing more to do.
confirm-link-expired = This confirmation link has expired. Sign in to confirm the listing from your dashboard.
confirm-link-not-published = This listing is no longer published, so there is nothing to confirm.
confirm-link-invalid = This confirmation link is not valid. Check that it was copied whole, or sign in to confirm the listing from your dashboard.

## Suggestions while typing (optional script)
suggest-label = Suggestions
suggest-one = One suggestion: choose it with the down arrow, open it with Enter.
suggest-many = { $count } suggestions: move through them with the up and down arrows, open one with Enter.

## About translations
about-translations = About translations
about-translations-languages = The catalogue speaks { $interface } languages. Topics, audiences and countries are named in { $vocabulary }, and its glossary of { $concepts } concepts of the field, which lets a search in one language find listings written in another, covers 15.
about-translations-unreviewed = Every translation here was written by the catalogue's developers and has not yet been read by native-speaking officials: some words will be wrong, or not the ones your service uses.
about-translations-how = To have one corrected, tell the Secretariat the page, the words as shown and what they should say. The Secretariat corrects topic names itself on its topics page; the interface, the other names and the glossary are files of the catalogue, corrected with its next release.
about-translations-listings = Listings are written and translated by their providers; the catalogue does not translate them.

## What officials search for (Secretariat)
nav-searches = Searches
insight-title = What officials search for
insight-off = Searches are not recorded on this installation: the service runs with --no-search-log. What was recorded before is shown until it expires.
insight-explained = Searches made on the site and through the API in the last { $days } days: the words typed, the filters, the interface language and how many listings were found. Who searched is never recorded. A search counts once, however many of its pages were read; completions while typing are not searches.
insight-period = Period
insight-days = { $days } days
insight-empty = No searches were recorded in this period.
insight-total = { $searches } searches; { $without } of them found nothing ({ $percent }).
insight-weeks = Searches per week
insight-week = Week of
insight-searches = Searches
insight-without-results = Found nothing
insight-rate = Share that found nothing
insight-no-results = Searches that found nothing
insight-no-results-explained = The clearest sign of training that is missing, or listed in words officials do not use. Each links to the search.
insight-top = Most searched for
insight-languages = By interface language
insight-query = Words searched for
insight-filters = Filters
insight-no-filters = none
insight-no-words = (filters only)
insight-download = Download this table (CSV)
insight-bad-period = “{ $value }” is not a period offered; choose { $choices } days.
insight-no-such-report = There is no table called “{ $report }”; the tables are top.csv, without-results.csv, languages.csv and weeks.csv.
chart-as-table = { $chart }: the figures in a table

## About the catalogue
about = About this catalogue
about-directory = The catalogue lists training against people smuggling, trafficking in persons and related transnational crime, offered by the forum's member states, international organisations and regional training institutions. It is a directory: each listing belongs to its provider, who keeps it up to date and whom you contact about it.
about-recorded-heading = What is recorded when you search
about-recorded = Each search is recorded with the words typed, the filters chosen, the order, the interface language, how many listings were found, the page of results and the day. Who searched is not recorded: no address, cookie, account or time of day.
about-recorded-why = The Secretariat reads these records to see what officials look for and what they do not find, so that missing training can be planned and listings worded as officials search. They are deleted after { $days } days.
about-recorded-off = This installation records no searches.
about-cookies-heading = Cookies
about-cookies = The catalogue sets a cookie only to remember the language you choose and, for people who sign in, to keep them signed in. None is used to follow you.

## What the region offers (Secretariat)
nav-coverage = Coverage
coverage-title = What the region offers, and where training is missing
coverage-explained = Published listings with a session to come, or available any time (no dates), by topic and { $by }: { $current } listings in all. An empty cell is training nobody offers; a cell of one depends on a single listing. Each number above zero opens the search for its cell, which also shows listings whose sessions are over.
coverage-by = Topics by
coverage-by-language = language
coverage-by-country = provider's country
coverage-by-audience = audience
coverage-bad-dimension = “{ $value }” is not a way to cross the topics; choose { $choices }.
coverage-key = Key:
coverage-none = none
coverage-many = 10 or more
coverage-states = Listings by state
coverage-state = State
coverage-listings = Listings
coverage-listing = Listing
coverage-ended = Sessions all over
coverage-ended-explained = { $count } published listings have had sessions and have none to come: ask their providers for new dates, or archive them.
coverage-last-session = Last session ended
coverage-unconfirmed = Not confirmed for a year
coverage-unconfirmed-explained = { $count } published listings have not been confirmed as current by their providers for over a year.
coverage-last-confirmed = Last confirmed
coverage-more = The first { $shown } are listed.

## What has happened (Secretariat)
nav-activity = Activity
activity-title = What has happened
activity-explained = Listings submitted, approved, sent back, withdrawn, archived, confirmed and imported, and organisations and people added, newest first. Work on drafts stays its owner's until submitted. Times are in UTC.
activity-all-organisations = All organisations
activity-show = Show
activity-none = Nothing has happened here yet.
activity-when = When (UTC)
activity-what = What
activity-subject = Listing, organisation or person
activity-by = By
activity-person-added = Person added ({ $role })
activity-organisation-added = Organisation added
activity-pages = Pages
activity-newer = ← Newer
activity-older = Older →
activity-no-such-organisation = There is no organisation “{ $org }”; choose one from the list.
activity-bad-page = “{ $value }” is not a page number; pages are numbered from 1.

## Calendars and feeds
calendar-title = Upcoming sessions
calendar-intro = The sessions to come of the training this search finds, by the month they start in.
calendar-search = Back to the results
calendar-ics = Add these sessions to a calendar (.ics)
feed-follow = Follow this search in a feed reader (Atom)
calendar-none = No session to come matches this search.
calendar-online = Online
calendar-everything = all training
calendar-name = Training sessions: { $search }
feed-title = New and updated training: { $search }
calendar-page-link = Upcoming sessions by month
listing-ics = Add the sessions to a calendar (.ics)
calendar-later = Later sessions →

## The API page
api-title = The catalogue's API
api-intro = Other systems read the same description as an OpenAPI 3.1 document:
api-token-needed = Needs an API token (Authorization: Bearer …), which the Secretariat issues.

## Spreadsheets and possible duplicates
upload-link = Upload a spreadsheet
upload-title = Upload listings from a spreadsheet
upload-intro = Fill in the template, one listing per row, and upload it here as CSV or Excel (.xlsx), up to 1 MB. Every row is checked first and nothing is saved until you confirm.
upload-template-xlsx = Download the template (Excel)
upload-template-csv = Download the template (CSV)
upload-layout = Sessions share one cell: first day/last day, such as 2027-03-01/2027-03-05, several separated by ";". A translation is a row of its own with the listing's id, a blank kind, and its language, title and summary. The template's second sheet (in CSV: the lines starting with #) says what each column holds.
upload-file = Spreadsheet (.csv or .xlsx)
upload-check = Check the file
upload-too-big = The file is larger than 1 MB. Split it into smaller files and upload each.
upload-broken = The upload did not arrive whole ({ $reason }). Try again.
upload-no-file = No file was chosen. Choose a .csv or .xlsx file and check it again.
upload-unreadable = The file could not be read: { $reason }
upload-id-taken = "{ $id }" is the id of another organisation's listing; give yours another id
upload-preview-title = Check of { $name }
upload-rows = { $rows } row(s): { $listings } listing(s) and { $translations } translation(s).
upload-valid = Every row is valid. Nothing is saved until you confirm below.
upload-problems = { $count -> 
    [one] { $count } problem to correct. Nothing was saved: correct the file and upload it again.
    *[other] { $count } problems to correct. Nothing was saved: correct the file and upload it again.
    }
upload-problem-at = Row { $row }, column { $column }: { $problem }
upload-problem-row = Row { $row }: { $problem }
upload-rows-caption = Every row of the file as read, with each problem under its cell
upload-row = Row
upload-notes = Notes
upload-translation-row = Translation of the listing with this id
upload-updates = Updates your listing with this id
upload-confirm-heading = Save these listings
upload-confirm-explained = { $count } listing(s) will be saved together, or none if anything fails.
upload-confirm-submit = Submit them for review
upload-confirm-drafts = Save them as drafts
upload-again = Upload the corrected file
upload-gone = This upload was already saved, or is more than a day old. Upload the file again.
done-uploaded-drafts = The listings of the spreadsheet are saved as drafts.
done-uploaded-submitted = The listings of the spreadsheet are submitted for review.
done-duplicates = Saved as a draft, not yet submitted: it looks like listings already in the catalogue (below). If yours is a different training, submit it again.
duplicates-heading = Possible duplicates
duplicates-explained = These listings in the catalogue look like the same training. If one of them is yours, update it rather than listing it twice; if they are different, carry on.
duplicates-same-title = a listing of { $organisation } with nearly the same title ({ $language })
duplicates-same-text = nearly the same title and summary ({ $language }), listed by { $organisation }
error-too-large = The request is larger than 1 MB, the most this site takes. Send less at once: split a file into smaller ones.
upload-too-many = The file has { $count } listings; the site takes at most { $max } at a time. Split it into smaller files and upload each.
sheet-not-one-of = “{ $value }” is not one of { $choices }
sheet-not-a-language = “{ $value }” is not a language tag; write one such as en, th, km or zh-Hant
sheet-not-a-country = “{ $value }” is not a country code; write two letters, such as TH
sheet-not-a-session = “{ $value }” is not a session; write its first and last day as YYYY-MM-DD/YYYY-MM-DD, several separated by ;
sheet-country-needed = give the country of the city as well (two letters, such as TH)
sheet-not-your-organisation = “{ $value }” is not an organisation you may list for; use { $yours }
sheet-no-organisation = give the id of the organisation the listing belongs to
sheet-no-listing-row = no listing row has the id “{ $id }”; a row with a blank kind is a translation of the listing row with its id
sheet-repeated-id = another listing row has the id “{ $id }”; give each listing its own id (a translation row leaves kind blank)
sheet-filled-in-translation = a translation row (blank kind) gives only id, lang, title, summary and description; leave this cell blank or give the row a kind
sheet-unknown-column = is not a column of the template; use { $columns }
sheet-column-twice = this column is named twice; keep one
sheet-missing-column = the header has no column “{ $column }”; every file needs it (see the template)
