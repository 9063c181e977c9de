//! The mail that makes the workflow move, composed in each recipient's
//! language and queued through the outbox by housekeeping:
//!
//! - the Secretariat (who opt in) hears of submissions and revisions
//!   waiting for review;
//! - a listing's organisation hears when it is published, sent back with
//!   the reviewer's comment, or archived;
//! - owners are reminded 30 days before a listing goes a year unconfirmed,
//!   and when it has, with a one-click confirmation link each;
//! - the Secretariat (who opt in) receives a weekly digest.
//!
//! Notices follow the audit trail, so every way of acting on a listing (the
//! site, the API, the command line) is announced alike; a cursor, moved in
//! the transaction that queues their mail, marks how far.

use std::collections::{BTreeMap, HashMap};

use time::OffsetDateTime;
use url::Url;

use super::confirm_link;
use crate::domain::lifecycle::audit as audit_names;
use crate::domain::{ProviderId, Subscription};
use crate::i18n::{self, Locale, t};
use crate::store::{
    self, DueListing, Mail, Notice, QueuedReminder, Recipient, ReminderStage, Store,
};
use crate::web::paths;

/// An absolute address of the site at `public_url` for `path`.
pub fn site_link(public_url: &Url, path: &str) -> String {
    let mut link = public_url.as_str().trim_end_matches('/').to_owned();
    link.push_str(path);
    link
}

/// When a listing not confirmed for this long is reminded the first time:
/// 30 days before it goes a year unconfirmed.
pub const FIRST_REMINDER_AFTER: time::Duration = time::Duration::days(365 - 30);

/// Audit entries read at a time.
const NOTICE_BATCH: i64 = 200;
/// Listings reminded in one transaction.
const REMINDER_BATCH: i64 = 500;

/// The language `recipient` reads, English unless they chose another.
pub fn locale_of(recipient: &Recipient) -> Locale {
    recipient
        .language
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_default()
}

/// Paragraphs of a plain-text mail.
fn paragraphs(parts: &[String]) -> String {
    let mut body = parts.join("\n\n");
    body.push('\n');
    body
}

/// A header must never carry a line break, whatever a title holds.
fn one_line(text: &str) -> String {
    text.replace(char::is_control, " ")
}

/// A mail to `to` in their language: `subject`, a greeting, `parts`, and,
/// for a person with an account, a footer saying how to change what they
/// receive.
fn compose(
    to: &Recipient,
    public_url: &Url,
    subject: impl FnOnce() -> String,
    parts: impl FnOnce() -> Vec<String>,
) -> Mail {
    i18n::in_locale(locale_of(to), || {
        let mut body = vec![t!("mail-dear", name = to.name.as_str())];
        body.extend(parts());
        if to.id.is_some() {
            body.push(format!(
                "--\n{}\n{}",
                t!("mail-footer-choices"),
                site_link(public_url, paths::SETTINGS)
            ));
        }
        Mail {
            recipient: to.email.clone(),
            subject: one_line(&subject()),
            body: paragraphs(&body),
        }
    })
}

fn with_link(text: String, link: String) -> String {
    format!("{text}\n{link}")
}

/// Whether an audit entry sends a revision to the review queue.
fn is_submission(action: &str) -> bool {
    [
        audit_names::CREATED_SUBMITTED,
        audit_names::EDITED_SUBMITTED,
        crate::domain::lifecycle::Action::Submit.audit_name(),
    ]
    .contains(&action)
}

/// A paragraph of a notice.
enum Part {
    /// The message with this id, given the listing's title and organisation.
    Says(&'static str),
    /// The reviewer's comment, as written.
    Comment,
    /// The message with this id, then an address of the site.
    Link(&'static str, String),
}

/// The mail a notice sends to `to`, if it sends any.
fn notice_mail(notice: &Notice, to: &Recipient, public_url: &Url) -> Option<Mail> {
    use crate::domain::lifecycle::Action;
    let title = notice.title.as_str();
    let link = |path: &str| site_link(public_url, path);
    let say = |id: &str| t!(id, title = title, organisation = notice.org_name.as_str());
    let mail = |subject: &'static str, parts: Vec<Part>| {
        compose(
            to,
            public_url,
            || t!(subject, title = title),
            || {
                parts
                    .into_iter()
                    .map(|part| match part {
                        Part::Says(id) => say(id),
                        Part::Comment => notice.comment.clone().unwrap_or_default(),
                        Part::Link(id, link) => with_link(say(id), link),
                    })
                    .collect()
            },
        )
    };
    let id = &notice.listing_id;
    let action = notice.action.as_str();
    Some(if is_submission(action) {
        let (subject, what) = if notice.published_before {
            ("mail-review-subject-revision", "mail-review-revision")
        } else {
            ("mail-review-subject-new", "mail-review-new")
        };
        let review = Part::Link("mail-review-link", link(&paths::review(id)));
        mail(subject, vec![Part::Says(what), review])
    } else if action == Action::Approve.audit_name() {
        let listing = Part::Link("mail-published", link(&paths::listing(id)));
        mail("mail-published-subject", vec![listing])
    } else if action == Action::RequestChanges.audit_name() {
        let edit = Part::Link("mail-changes-link", link(&paths::edit_listing(id)));
        mail(
            "mail-changes-subject",
            vec![Part::Says("mail-changes"), Part::Comment, edit],
        )
    } else if action == Action::Archive.audit_name() {
        let mut parts = vec![Part::Says("mail-archived")];
        if notice.comment.is_some() {
            parts.extend([Part::Says("mail-archived-comment"), Part::Comment]);
        }
        parts.push(Part::Link("mail-archived-link", link(paths::DASHBOARD)));
        mail("mail-archived-subject", parts)
    } else {
        return None;
    })
}

/// Who hears of a notice: the Secretariat's subscribers for submissions,
/// the listing's organisation's for the rest; never the person who acted.
fn audience(notice: &Notice) -> Option<(Subscription, Option<ProviderId>)> {
    use crate::domain::lifecycle::Action;
    let action = notice.action.as_str();
    if is_submission(action) {
        return Some((Subscription::Reviews, None));
    }
    let to_owner = [Action::Approve, Action::RequestChanges, Action::Archive]
        .iter()
        .any(|a| a.audit_name() == action);
    to_owner.then(|| {
        (
            Subscription::ListingNews,
            ProviderId::parse(&notice.org_id).ok(),
        )
    })
}

/// Queues the notices of every audit entry not yet announced. Returns how
/// many mails were queued.
pub async fn announce(store: &Store, public_url: &Url) -> store::Result<usize> {
    let mut queued = 0;
    loop {
        let cursor = store.notice_cursor().await?;
        let notices = store.notices_after(cursor, NOTICE_BATCH).await?;
        let Some(last) = notices.last().map(|n| n.audit_id) else {
            return Ok(queued);
        };
        let mut audiences: BTreeMap<(bool, Option<String>), Vec<Recipient>> = BTreeMap::new();
        let mut mails = Vec::new();
        for notice in &notices {
            let Some((subscription, org)) = audience(notice) else {
                continue;
            };
            let key = (
                subscription == Subscription::Reviews,
                org.as_ref().map(ToString::to_string),
            );
            if !audiences.contains_key(&key) {
                let people = store.subscribers(subscription, org.as_ref()).await?;
                audiences.insert(key.clone(), people);
            }
            for to in &audiences[&key] {
                if to.id.is_some() && to.id == notice.actor_id {
                    continue;
                }
                mails.extend(notice_mail(notice, to, public_url));
            }
        }
        if store.queue_notices(cursor, last, &mails).await? {
            queued += mails.len();
        }
        if (notices.len() as i64) < NOTICE_BATCH {
            return Ok(queued);
        }
    }
}

/// Who hears of an organisation's reminders.
struct OrgReaders {
    /// Its name.
    name: String,
    /// Its contributors who keep reminders on; `None` when nobody signs in
    /// for it, and each listing's contact is told instead.
    people: Option<Vec<Recipient>>,
}

/// One round of reminders: what every mail of it shares.
struct Reminding<'a> {
    store: &'a Store,
    public_url: &'a Url,
    signer: confirm_link::Signer,
    expires: OffsetDateTime,
    orgs: HashMap<String, OrgReaders>,
}

impl Reminding<'_> {
    async fn readers(&mut self, org: &str) -> store::Result<&OrgReaders> {
        if !self.orgs.contains_key(org) {
            let id = ProviderId::parse(org).ok();
            let (name, people) = match &id {
                Some(id) => {
                    let name = self.store.organisation(id.as_str()).await?.map(|o| o.name);
                    let people = if self.store.org_people(id).await?.is_empty() {
                        None
                    } else {
                        Some(
                            self.store
                                .subscribers(Subscription::Reminders, Some(id))
                                .await?,
                        )
                    };
                    (name, people)
                }
                None => (None, None),
            };
            let readers = OrgReaders {
                name: name.unwrap_or_else(|| org.to_owned()),
                people,
            };
            self.orgs.insert(org.to_owned(), readers);
        }
        Ok(&self.orgs[org])
    }

    /// The mails of one batch of listings due a reminder of `stage`.
    async fn mails(
        &mut self,
        stage: ReminderStage,
        due: &[DueListing],
    ) -> store::Result<Vec<Mail>> {
        let mut by_org: BTreeMap<&str, Vec<&DueListing>> = BTreeMap::new();
        for listing in due {
            by_org.entry(&listing.org_id).or_default().push(listing);
        }
        let mut mails = Vec::new();
        for (org, listings) in by_org {
            let readers = self.readers(org).await?;
            let mut recipients: Vec<(Recipient, Vec<&DueListing>)> = Vec::new();
            match &readers.people {
                Some(people) => {
                    for to in people {
                        recipients.push((to.clone(), listings.clone()));
                    }
                }
                None => {
                    for listing in &listings {
                        let email = listing.contact_email.to_lowercase();
                        match recipients.iter_mut().find(|(to, _)| to.email == email) {
                            Some((_, theirs)) => theirs.push(listing),
                            None => recipients.push((
                                Recipient {
                                    id: None,
                                    email,
                                    name: listing.contact_name.clone(),
                                    language: None,
                                },
                                vec![listing],
                            )),
                        }
                    }
                }
            }
            let organisation = readers.name.clone();
            for (to, theirs) in &recipients {
                mails.push(self.mail(stage, to, &organisation, theirs));
            }
        }
        Ok(mails)
    }

    /// One reminder mail to `to` about `listings` of `organisation`.
    fn mail(
        &self,
        stage: ReminderStage,
        to: &Recipient,
        organisation: &str,
        listings: &[&DueListing],
    ) -> Mail {
        let public_url = self.public_url;
        let expires = self.expires;
        let links: Vec<String> = listings
            .iter()
            .map(|listing| {
                let link =
                    self.signer
                        .link(&listing.id, &listing.confirmed_at, expires.unix_timestamp());
                site_link(public_url, &paths::confirm_by_link(link))
            })
            .collect();
        let has_account = to.id.is_some();
        compose(
            to,
            public_url,
            || match stage {
                ReminderStage::Soon => t!("mail-reminder-soon-subject"),
                ReminderStage::Due => t!("mail-reminder-due-subject"),
            },
            || {
                let intro = match stage {
                    ReminderStage::Soon => t!("mail-reminder-soon", organisation = organisation),
                    ReminderStage::Due => t!("mail-reminder-due", organisation = organisation),
                };
                let mut parts = vec![intro];
                for (listing, link) in listings.iter().zip(&links) {
                    let confirmed = store::timestamp(&listing.confirmed_at)
                        .map(|at| i18n::date(at.date()))
                        .unwrap_or_default();
                    parts.push(format!(
                        "* {}\n  {}\n  {}\n  {link}",
                        one_line(&listing.title),
                        t!("mail-reminder-confirmed", date = confirmed),
                        t!("mail-reminder-link", date = i18n::date(expires.date())),
                    ));
                }
                parts.push(with_link(
                    t!("mail-reminder-change"),
                    site_link(public_url, paths::DASHBOARD),
                ));
                if !has_account {
                    parts.push(t!("mail-reminder-contact", organisation = organisation));
                }
                parts
            },
        )
    }
}

/// Reminds owners of every published listing due a reminder at `now`: 30
/// days before it goes a year unconfirmed, and when it has. The
/// organisation's contributors who keep reminders on receive one mail
/// listing theirs (per batch of 500); when nobody signs in for the
/// organisation, each listing's contact does. Returns how many mails were
/// queued.
pub async fn remind(store: &Store, public_url: &Url, now: OffsetDateTime) -> store::Result<usize> {
    let year_ago = store::format_timestamp(now - crate::store::workflow::CONFIRMATION_INTERVAL);
    let soon = store::format_timestamp(now - FIRST_REMINDER_AFTER);
    let mut round = Reminding {
        store,
        public_url,
        signer: confirm_link::Signer::of(store).await?,
        expires: now + confirm_link::LIFETIME,
        orgs: HashMap::new(),
    };
    let mut queued = 0;
    for (stage, before, since) in [
        (ReminderStage::Due, &year_ago, None),
        (ReminderStage::Soon, &soon, Some(year_ago.as_str())),
    ] {
        let mut after: Option<DueListing> = None;
        loop {
            let due = store
                .listings_due_reminder(stage, before, since, after.as_ref(), REMINDER_BATCH)
                .await?;
            let Some(last) = due.last() else {
                break;
            };
            after = Some(last.clone());
            let mails = round.mails(stage, &due).await?;
            let reminders: Vec<QueuedReminder> = due
                .iter()
                .map(|listing| QueuedReminder {
                    listing_id: listing.id.clone(),
                    confirmed_at: listing.confirmed_at.clone(),
                    expires: round.expires.unix_timestamp(),
                })
                .collect();
            if store.queue_reminders(stage, &reminders, &mails).await? {
                queued += mails.len();
            }
            if (due.len() as i64) < REMINDER_BATCH {
                break;
            }
        }
    }
    Ok(queued)
}

/// The ISO week `at` falls in, as `2026-W49`.
pub fn iso_week(at: OffsetDateTime) -> String {
    let (year, week, _) = at.date().to_iso_week_date();
    format!("{year}-W{week:02}")
}

/// Listings shown by name in the digest, per list.
const DIGEST_NAMED: i64 = 10;

/// What the weekly digest tells.
#[derive(Debug, Clone)]
pub struct DigestFigures {
    /// The week, as `2026-W49`.
    pub week: String,
    /// Revisions waiting for review, and the longest waiting (title,
    /// listing id, waiting since).
    pub waiting: (usize, Vec<(String, String, Option<time::Date>)>),
    /// Published listings unconfirmed for a year.
    pub unconfirmed: i64,
    /// Published listings whose sessions have all ended.
    pub ended: i64,
    /// The searches of the last 7 days that found nothing: query, filters,
    /// how many times.
    pub without_results: Vec<(String, String, i64)>,
}

async fn digest_figures(store: &Store, now: OffsetDateTime) -> store::Result<DigestFigures> {
    let queue = store.review_queue().await?;
    let waiting = queue
        .iter()
        .take(DIGEST_NAMED as usize)
        .map(|record| {
            let revision = record.revision.as_ref();
            (
                record.current().title.clone(),
                record.id.to_string(),
                revision.and_then(|r| r.submitted_at).map(|at| at.date()),
            )
        })
        .collect();
    let today = crate::domain::Day::new(now.date()).to_string();
    let week_ago = crate::domain::Day::new((now - time::Duration::days(7)).date()).to_string();
    let (unconfirmed, _) = store
        .unconfirmed_listings(now - crate::store::workflow::CONFIRMATION_INTERVAL, 0)
        .await?;
    let (ended, _) = store.ended_listings(&today, 0).await?;
    let without_results = store
        .queries_without_results(&week_ago, DIGEST_NAMED)
        .await?
        .into_iter()
        .map(|q| (q.query, q.filters, q.searches))
        .collect();
    Ok(DigestFigures {
        week: iso_week(now),
        waiting: (queue.len(), waiting),
        unconfirmed,
        ended,
        without_results,
    })
}

/// Recorded filters (`{"topic":["a","b"]}`) as `topic: a, b`.
fn filters_text(recorded: &str) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str(recorded) else {
        return String::new();
    };
    map.iter()
        .map(|(facet, values)| {
            let values: Vec<&str> = values
                .as_array()
                .map(|v| v.iter().filter_map(|v| v.as_str()).collect())
                .unwrap_or_default();
            format!("{facet}: {}", values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The digest for `to`.
pub fn digest_mail(figures: &DigestFigures, to: &Recipient, public_url: &Url) -> Mail {
    let link = |path: &str| site_link(public_url, path);
    compose(
        to,
        public_url,
        || t!("mail-digest-subject", week = figures.week.as_str()),
        || {
            let (count, oldest) = &figures.waiting;
            let mut reviews = t!("mail-digest-reviews", count = *count);
            for (title, id, since) in oldest {
                reviews.push_str(&format!("\n* {}", one_line(title)));
                if let Some(since) = since {
                    reviews.push_str(&format!(
                        " ({})",
                        t!("mail-digest-waiting-since", date = i18n::date(*since))
                    ));
                }
                reviews.push_str(&format!("\n  {}", link(&paths::review(id))));
            }
            reviews.push_str(&format!("\n{}", link(paths::REVIEW_QUEUE)));
            let stale = format!(
                "{}\n{}\n{}",
                t!("mail-digest-unconfirmed", count = figures.unconfirmed),
                t!("mail-digest-ended", count = figures.ended),
                link(paths::COVERAGE),
            );
            let mut searches = if figures.without_results.is_empty() {
                t!("mail-digest-zero-none")
            } else {
                t!("mail-digest-zero")
            };
            for (query, filters, times) in &figures.without_results {
                let filters = filters_text(filters);
                let what = match (query.is_empty(), filters.is_empty()) {
                    (false, false) => format!("{query} [{filters}]"),
                    (false, true) => query.clone(),
                    (true, _) => format!("[{filters}]"),
                };
                searches.push_str(&format!(
                    "\n* {} ({})",
                    one_line(&what),
                    t!("mail-digest-times", count = *times)
                ));
            }
            searches.push_str(&format!("\n{}", link(paths::SEARCH_INSIGHT)));
            vec![reviews, stale, searches]
        },
    )
}

/// Queues this week's digest for the Secretariat's subscribers, once a
/// week (the first time housekeeping runs in a new ISO week). Returns how
/// many mails were queued.
pub async fn send_digest(
    store: &Store,
    public_url: &Url,
    now: OffsetDateTime,
) -> store::Result<usize> {
    let week = iso_week(now);
    if store.digest_queued(&week).await? {
        return Ok(0);
    }
    let recipients = store.subscribers(Subscription::Digest, None).await?;
    if recipients.is_empty() {
        // Nobody to tell; whoever opts in later this week gets this week's.
        return Ok(0);
    }
    let figures = digest_figures(store, now).await?;
    let mails: Vec<Mail> = recipients
        .iter()
        .map(|to| digest_mail(&figures, to, public_url))
        .collect();
    Ok(if store.queue_digest(&week, &mails).await? {
        mails.len()
    } else {
        0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weeks_are_iso_weeks() {
        let at = time::macros::datetime!(2026-12-03 10:00 UTC);
        assert_eq!(iso_week(at), "2026-W49");
        // 1 January 2027 is a Friday: still the last week of 2026.
        let at = time::macros::datetime!(2027-01-01 10:00 UTC);
        assert_eq!(iso_week(at), "2026-W53");
    }

    #[test]
    fn recorded_filters_read_as_words() {
        assert_eq!(filters_text("{}"), "");
        assert_eq!(
            filters_text(r#"{"language":["km"],"topic":["a","b"]}"#),
            "language: km; topic: a, b"
        );
        assert_eq!(filters_text("not json"), "");
    }

    #[test]
    fn links_join_the_public_address_and_the_path() {
        let base = Url::parse("https://catalogue.example.org/").unwrap();
        assert_eq!(
            site_link(&base, "/review"),
            "https://catalogue.example.org/review"
        );
        let base = Url::parse("https://example.org/catalogue/").unwrap();
        assert_eq!(
            site_link(&base, "/review"),
            "https://example.org/catalogue/review"
        );
    }
}
