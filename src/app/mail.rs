//! The mail the catalogue sends and the sending of it. Messages are
//! composed here (and in [`super::notices`]) as plain text: invitations and
//! password links in the person's language once they have one, else in
//! the language of whoever asked for them (English from the command line);
//! enquiries and notices in each recipient's language.
//! They are queued in the outbox in the same transaction as what they
//! announce, and sent by [`keep_house`] through an SMTP server when one is
//! configured.

use std::time::Duration;

use anyhow::Context;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::i18n::{self, Locale, t};
use crate::store::{self, Account, LinkPurpose, Mail, Store};

/// Paragraphs of a plain-text mail.
fn paragraphs(parts: &[String]) -> String {
    let mut body = parts.join("\n\n");
    body.push('\n');
    body
}

/// The invitation to a new account.
pub fn invitation(to: &str, name: &str, org: Option<&str>, link: &str) -> Mail {
    let days = LinkPurpose::Invite.lifetime().whole_days();
    let invited = match org {
        Some(organisation) => t!("mail-invitation-for", organisation = organisation),
        None => t!("mail-invitation-secretariat"),
    };
    Mail {
        recipient: to.to_owned(),
        subject: t!("mail-invitation-subject"),
        body: paragraphs(&[
            t!("mail-dear", name = name),
            invited,
            format!("{}\n{link}", t!("mail-invitation-link", days = days)),
            t!("mail-invitation-unexpected"),
        ]),
    }
}

/// A link to choose a new password.
pub fn password_reset(to: &str, name: &str, link: &str) -> Mail {
    let hours = LinkPurpose::Reset.lifetime().whole_hours();
    Mail {
        recipient: to.to_owned(),
        subject: t!("mail-reset-subject"),
        body: paragraphs(&[
            t!("mail-dear", name = name),
            t!("mail-reset-asked"),
            format!("{}\n{link}", t!("mail-reset-link", hours = hours)),
            t!("mail-reset-unexpected"),
        ]),
    }
}

/// An enquiry from a visitor to one of the owner's contributors, in the
/// language of the page it is called from.
pub fn enquiry(
    to: &str,
    listing_title: &str,
    from_name: &str,
    from_email: &str,
    message: &str,
    dashboard: &str,
) -> Mail {
    // A title is one line, but a header must never carry a line break.
    let title = listing_title.replace(char::is_control, " ");
    Mail {
        recipient: to.to_owned(),
        subject: t!("mail-enquiry-subject", title = title.as_str()),
        body: paragraphs(&[
            t!(
                "mail-enquiry-from",
                name = from_name,
                email = from_email,
                title = listing_title
            ),
            message.to_owned(),
            format!(
                "{}\n{dashboard}",
                t!("mail-enquiry-reply", email = from_email)
            ),
        ]),
    }
}

/// Stores an enquiry about `listing` (the listing it names) and queues it, in the same
/// transaction, to every active contributor of the listing's organisation
/// in their language, or to the listing's published contact (in English,
/// the forum's working language) when it has none yet, so that the enquiry
/// is not lost. `dashboard` is the address the mail points them to.
pub async fn send_enquiry(
    store: &Store,
    listing: &crate::domain::Listing,
    enquiry: &store::NewEnquiry<'_>,
    dashboard: &str,
) -> store::Result<()> {
    let mut recipients: Vec<(String, Locale)> = store
        .org_people(&listing.provider.id)
        .await?
        .iter()
        .map(|person| (person.email.clone(), super::notices::locale_of(person)))
        .collect();
    if recipients.is_empty() {
        recipients.push((listing.contact.email.clone(), Locale::En));
    }
    let mails: Vec<Mail> = recipients
        .iter()
        .map(|(to, locale)| {
            i18n::in_locale(*locale, || {
                self::enquiry(
                    to,
                    &listing.title,
                    enquiry.name,
                    enquiry.email,
                    enquiry.message,
                    dashboard,
                )
            })
        })
        .collect();
    store.add_enquiry(enquiry, &mails).await
}

/// Issues a one-time link of `purpose` to `account` and queues the mail
/// that carries it, in one transaction; returns the link. `link_for` turns
/// the link's secret into the address people open.
pub async fn send_link(
    store: &Store,
    account: &Account,
    purpose: LinkPurpose,
    link_for: impl FnOnce(&str) -> String,
) -> store::Result<String> {
    let org_name = match &account.org {
        Some(org) => store.organisation(org.as_str()).await?.map(|o| o.name),
        None => None,
    };
    // In the person's own language once they have one, else in the
    // language of whoever asked.
    let locale = store
        .mail_settings(account.id)
        .await?
        .language
        .as_deref()
        .and_then(Locale::parse)
        .unwrap_or_else(i18n::locale);
    let mut link = String::new();
    store
        .issue_link(account.id, purpose, |secret| {
            link = link_for(secret);
            i18n::in_locale(locale, || match purpose {
                LinkPurpose::Invite => {
                    invitation(&account.email, &account.name, org_name.as_deref(), &link)
                }
                LinkPurpose::Reset => password_reset(&account.email, &account.name, &link),
            })
        })
        .await?;
    Ok(link)
}

/// How often the outbox is looked at, and expired sessions removed.
pub const HOUSEKEEPING_INTERVAL: Duration = Duration::from_secs(5);
/// Attempts to send a message before it is left for a person to look at.
pub const MAX_MAIL_ATTEMPTS: i64 = 5;

/// Sends the outbox through an SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer")
            .field("from", &self.from)
            .finish_non_exhaustive()
    }
}

impl Mailer {
    /// A mailer for an SMTP URL such as `smtps://user:password@mail.example.org`
    /// or `smtp://localhost:25` (lettre's URL format), sending as `from`.
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Mailer> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(smtp_url)
            .context(
                "the SMTP URL is not valid (for example smtps://user:password@mail.example.org)",
            )?
            .build();
        let from = from
            .parse()
            .with_context(|| format!("the sender address \"{from}\" is not valid"))?;
        Ok(Mailer { transport, from })
    }

    async fn send(&self, mail: &crate::store::QueuedMail) -> anyhow::Result<()> {
        use lettre::AsyncTransport;
        let message = lettre::Message::builder()
            .from(self.from.clone())
            .to(mail
                .recipient
                .parse()
                .context("the recipient address is not valid")?)
            .subject(mail.subject.clone())
            .header(lettre::message::header::ContentType::TEXT_PLAIN)
            .body(mail.body.clone())?;
        self.transport.send(message).await?;
        Ok(())
    }
}

/// Housekeeping rounds between looks for freshness reminders and the
/// weekly digest (about a minute): neither is urgent, and at 100,000
/// listings each look reads an index range.
const ROUNDS_BETWEEN_SCHEDULED_MAIL: u32 = 12;

/// Housekeeping until `stop` turns true: queues the notices of workflow
/// steps, and (every minute or so) freshness reminders and the weekly
/// digest, with links to the site at `public_url`; sends waiting mail when
/// a mailer is configured; deletes expired sessions and forgets failed
/// sign-ins of addresses quiet for a day (the longest pause is 15 minutes).
pub fn keep_house(
    store: Store,
    mailer: Option<Mailer>,
    public_url: url::Url,
    mut stop: watch::Receiver<bool>,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        let mut round = 0u32;
        loop {
            queue_workflow_mail(
                &store,
                &public_url,
                round.is_multiple_of(ROUNDS_BETWEEN_SCHEDULED_MAIL),
            )
            .await;
            round = round.wrapping_add(1);
            if let Some(mailer) = &mailer {
                send_outbox(&store, mailer).await;
            }
            if let Err(err) = store.delete_expired_sessions().await {
                tracing::warn!(error = %err, "could not delete expired sessions");
            }
            if let Err(err) = store
                .forget_old_sign_in_failures(time::Duration::days(1))
                .await
            {
                tracing::warn!(error = %err, "could not forget old failed sign-ins");
            }
            tokio::select! {
                _ = tokio::time::sleep(HOUSEKEEPING_INTERVAL) => {}
                _ = stop.changed() => break,
            }
        }
    })
}

/// Queues the notices of workflow steps and, when `scheduled`, freshness
/// reminders and the weekly digest due now. A failure is logged and tried
/// again next round: what is not queued stays due.
pub async fn queue_workflow_mail(store: &Store, public_url: &url::Url, scheduled: bool) {
    use super::notices;
    if let Err(err) = notices::announce(store, public_url).await {
        tracing::warn!(error = %err, "could not queue the notices of workflow steps");
    }
    if !scheduled {
        return;
    }
    let now = time::OffsetDateTime::now_utc();
    match notices::remind(store, public_url, now).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(mails = queued, "freshness reminders queued"),
        Err(err) => tracing::warn!(error = %err, "could not queue freshness reminders"),
    }
    match notices::send_digest(store, public_url, now).await {
        Ok(0) => {}
        Ok(queued) => tracing::info!(mails = queued, "weekly digest queued"),
        Err(err) => tracing::warn!(error = %err, "could not queue the weekly digest"),
    }
}

/// Sends every waiting message once; each is marked sent or failed.
pub async fn send_outbox(store: &Store, mailer: &Mailer) {
    let waiting = match store.unsent_mail(MAX_MAIL_ATTEMPTS, 50).await {
        Ok(waiting) => waiting,
        Err(err) => {
            tracing::warn!(error = %err, "could not read the outbox");
            return;
        }
    };
    for mail in waiting {
        let outcome = match mailer.send(&mail).await {
            Ok(()) => store.mark_mail_sent(mail.id).await,
            Err(err) => {
                // Named as in `web::metrics::MAIL_FAILURES`.
                metrics::counter!("catalogue_mail_send_failures_total").increment(1);
                tracing::warn!(mail = mail.id, error = %format!("{err:#}"), "could not send mail; will retry");
                store.mark_mail_failed(mail.id, &format!("{err:#}")).await
            }
        };
        if let Err(err) = outcome {
            tracing::warn!(mail = mail.id, error = %err, "could not record the outcome of sending");
        }
    }
}
