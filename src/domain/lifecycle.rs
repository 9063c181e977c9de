//! How a listing moves from a contributor's draft to the public catalogue and
//! out of it again, who may move it, and what changed between two versions.
//!
//! draft -> submitted -> published, or -> changes requested -> submitted
//! again; published -> withdrawn (owner) or archived (Secretariat). Editing a
//! published listing opens a revision for review while the published version
//! stays live.

use std::fmt;

use serde::Serialize;
use serde_json::Value;

use super::{Actor, Listing, ProviderId};

/// Where a listing is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListingState {
    /// Being written; never published.
    Draft,
    /// Waiting for the Secretariat; never published.
    Submitted,
    /// Sent back by the Secretariat with a comment; never published.
    ChangesRequested,
    /// In public search and pages.
    Published,
    /// Taken down by its owner.
    Withdrawn,
    /// Taken down by the Secretariat.
    Archived,
}

impl ListingState {
    /// Every state, in the order a dashboard shows them.
    pub const ALL: [ListingState; 6] = [
        ListingState::ChangesRequested,
        ListingState::Draft,
        ListingState::Submitted,
        ListingState::Published,
        ListingState::Withdrawn,
        ListingState::Archived,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            ListingState::Draft => "draft",
            ListingState::Submitted => "submitted",
            ListingState::ChangesRequested => "changes-requested",
            ListingState::Published => "published",
            ListingState::Withdrawn => "withdrawn",
            ListingState::Archived => "archived",
        }
    }

    /// Parses the stored name.
    pub fn parse(value: &str) -> Option<ListingState> {
        ListingState::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

impl fmt::Display for ListingState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where the open revision of a listing is (a listing has at most one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RevisionState {
    /// Saved, not yet sent for review.
    Draft,
    /// Waiting for the Secretariat.
    Submitted,
    /// Sent back with a comment.
    ChangesRequested,
}

impl RevisionState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            RevisionState::Draft => "draft",
            RevisionState::Submitted => "submitted",
            RevisionState::ChangesRequested => "changes-requested",
        }
    }

    /// Parses the stored name of an open revision.
    pub fn parse(value: &str) -> Option<RevisionState> {
        [
            RevisionState::Draft,
            RevisionState::Submitted,
            RevisionState::ChangesRequested,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    /// The listing state of a listing that was never published and whose
    /// open revision is in this state.
    pub fn as_listing_state(self) -> ListingState {
        match self {
            RevisionState::Draft => ListingState::Draft,
            RevisionState::Submitted => ListingState::Submitted,
            RevisionState::ChangesRequested => ListingState::ChangesRequested,
        }
    }
}

/// The names the audit trail records, beyond [`Action::audit_name`]: how a
/// listing was written. Stored as written, so never reworded.
pub mod audit {
    /// A new listing saved as a draft.
    pub const CREATED_DRAFT: &str = "created as a draft";
    /// A new listing sent for review at once.
    pub const CREATED_SUBMITTED: &str = "created and submitted for review";
    /// A listing changed and saved as a draft.
    pub const EDITED_DRAFT: &str = "edited (draft)";
    /// A listing changed and sent for review.
    pub const EDITED_SUBMITTED: &str = "edited and submitted for review";
    /// A listing brought in by an import, published at once.
    pub const IMPORTED: &str = "imported and published";
}

/// What someone asks to do to a listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Save a new version (create or edit), as a draft or submitted.
    Write {
        /// Whether to send it for review at once.
        submit: bool,
    },
    /// Send the open revision for review.
    Submit,
    /// Publish the submitted revision (Secretariat).
    Approve,
    /// Send the submitted revision back (Secretariat).
    RequestChanges,
    /// Take the listing down (owner).
    Withdraw,
    /// Take the listing down (Secretariat).
    Archive,
    /// Confirm the listing is still current (owner).
    Confirm,
}

impl Action {
    /// The name recorded in the audit trail.
    pub fn audit_name(self) -> &'static str {
        match self {
            Action::Write { submit: false } => "saved",
            Action::Write { submit: true } => "submitted",
            Action::Submit => "submitted",
            Action::Approve => "approved",
            Action::RequestChanges => "changes requested",
            Action::Withdraw => "withdrawn",
            Action::Archive => "archived",
            Action::Confirm => "confirmed",
        }
    }
}

/// An action that is refused, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// The actor may not do this to this listing at all.
    #[error("{0}")]
    Forbidden(Why),
    /// Not possible in the listing's present state.
    #[error("{0}")]
    Conflict(Why),
}

/// Why an action is refused. Typed so the site can say it in the reader's
/// language; `Display` is the English of the API and the logs.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Why {
    /// Approving, sending back and archiving are the Secretariat's.
    #[error("only the Secretariat can approve, send back or archive listings")]
    SecretariatOnly,
    /// The listing belongs to another organisation.
    #[error(
        "this listing belongs to the organisation \"{0}\"; you can only change your own organisation's listings"
    )]
    OtherOrganisation(ProviderId),
    /// A contributor tried to list for another organisation.
    #[error("you can only list courses for your own organisation, not for \"{0}\"")]
    ListingForAnotherOrganisation(ProviderId),
    /// Only writing creates a listing.
    #[error("the listing does not exist")]
    NoSuchListing,
    /// The Secretariat archived the listing.
    #[error("the Secretariat archived this listing; ask the Secretariat to restore it")]
    Archived,
    /// Submitted twice.
    #[error("it is already waiting for review")]
    AlreadySubmitted,
    /// Nothing changed since the last decision.
    #[error("there are no unsent changes to submit; edit the listing first")]
    NothingToSubmit,
    /// A decision on a revision that is not waiting.
    #[error("there is no submitted version waiting for review")]
    NothingWaiting,
    /// Withdrawn twice.
    #[error("it is already withdrawn")]
    AlreadyWithdrawn,
    /// Archived twice.
    #[error("it is already archived")]
    AlreadyArchived,
    /// Sending back without saying why.
    #[error("say what should change: the comment is what the owner will read")]
    CommentNeeded,
}

/// A listing as the lifecycle sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// The owner organisation.
    pub org: ProviderId,
    /// Its state.
    pub state: ListingState,
    /// Whether a version of it is (or was, before withdrawal) published.
    pub has_published: bool,
    /// Its open revision, if any.
    pub revision: Option<RevisionState>,
}

/// What a permitted action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    /// The listing's state afterwards.
    pub state: ListingState,
    /// The open revision's state afterwards (`None`: closed or untouched).
    pub revision: Option<RevisionState>,
    /// Whether the public catalogue changes (publish or take down).
    pub public_change: bool,
}

/// Decides whether `actor` may do `action` to a listing that stands as
/// `standing` (`None`: the listing does not exist yet), and what follows.
pub fn decide(
    actor: &Actor,
    action: Action,
    standing: Option<&Standing>,
    org: &ProviderId,
) -> Result<Transition, Refusal> {
    let secretariat_only = matches!(
        action,
        Action::Approve | Action::RequestChanges | Action::Archive
    );
    if secretariat_only && !actor.is_secretariat() {
        return Err(Refusal::Forbidden(Why::SecretariatOnly));
    }
    if !actor.may_manage(org) {
        return Err(Refusal::Forbidden(Why::OtherOrganisation(org.clone())));
    }
    let Some(standing) = standing else {
        return match action {
            Action::Write { submit } => {
                let revision = if submit {
                    RevisionState::Submitted
                } else {
                    RevisionState::Draft
                };
                Ok(Transition {
                    state: revision.as_listing_state(),
                    revision: Some(revision),
                    public_change: false,
                })
            }
            _ => Err(Refusal::Conflict(Why::NoSuchListing)),
        };
    };
    let live = standing.state == ListingState::Published;
    // A listing that is not live shows its open revision's state.
    let state_with = |revision: RevisionState| {
        if live {
            ListingState::Published
        } else {
            revision.as_listing_state()
        }
    };
    let conflict = |why: Why| Err(Refusal::Conflict(why));
    match action {
        Action::Write { submit } => {
            if standing.state == ListingState::Archived && !actor.is_secretariat() {
                return conflict(Why::Archived);
            }
            let revision = if submit {
                RevisionState::Submitted
            } else {
                RevisionState::Draft
            };
            Ok(Transition {
                state: state_with(revision),
                revision: Some(revision),
                public_change: false,
            })
        }
        Action::Submit => match standing.revision {
            Some(RevisionState::Draft | RevisionState::ChangesRequested) => Ok(Transition {
                state: state_with(RevisionState::Submitted),
                revision: Some(RevisionState::Submitted),
                public_change: false,
            }),
            Some(RevisionState::Submitted) => conflict(Why::AlreadySubmitted),
            None => conflict(Why::NothingToSubmit),
        },
        Action::Approve => match standing.revision {
            Some(RevisionState::Submitted) => Ok(Transition {
                state: ListingState::Published,
                revision: None,
                public_change: true,
            }),
            _ => conflict(Why::NothingWaiting),
        },
        Action::RequestChanges => match standing.revision {
            Some(RevisionState::Submitted) => Ok(Transition {
                state: state_with(RevisionState::ChangesRequested),
                revision: Some(RevisionState::ChangesRequested),
                public_change: false,
            }),
            _ => conflict(Why::NothingWaiting),
        },
        Action::Withdraw => match standing.state {
            ListingState::Withdrawn => conflict(Why::AlreadyWithdrawn),
            ListingState::Archived => conflict(Why::Archived),
            _ => Ok(Transition {
                state: ListingState::Withdrawn,
                revision: None,
                public_change: live,
            }),
        },
        Action::Archive => match standing.state {
            ListingState::Archived => conflict(Why::AlreadyArchived),
            _ => Ok(Transition {
                state: ListingState::Archived,
                revision: None,
                public_change: live,
            }),
        },
        Action::Confirm => match standing.state {
            ListingState::Archived => conflict(Why::Archived),
            state => Ok(Transition {
                state,
                revision: standing.revision,
                public_change: false,
            }),
        },
    }
}

/// One field that differs between two versions of a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct FieldChange {
    /// The field's path, such as `title`, `contact.email` or `translations.th`.
    pub field: String,
    /// The value before, as text; `None` when it was absent.
    pub before: Option<String>,
    /// The value after, as text; `None` when it was removed.
    pub after: Option<String>,
}

/// The fields that differ from `before` (`None`: nothing existed) to
/// `after`, in the listing's field order. Objects are compared field by
/// field; lists and plain values whole.
pub fn diff(before: Option<&Listing>, after: &Listing) -> Vec<FieldChange> {
    let before = before.map(|l| serde_json::to_value(l).expect("listings serialise"));
    let after = serde_json::to_value(after).expect("listings serialise");
    let mut changes = Vec::new();
    compare("", before.as_ref(), Some(&after), &mut changes);
    changes
}

fn compare(path: &str, before: Option<&Value>, after: Option<&Value>, out: &mut Vec<FieldChange>) {
    match (before, after) {
        (Some(Value::Object(b)), Some(Value::Object(a))) => {
            let keys = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k)));
            for key in keys {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                compare(&field, b.get(key), a.get(key), out);
            }
        }
        (None, Some(Value::Object(a))) => {
            for (key, value) in a {
                let field = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                compare(&field, None, Some(value), out);
            }
        }
        (b, a) if b != a => out.push(FieldChange {
            field: path.to_owned(),
            before: b.map(as_text),
            after: a.map(as_text),
        }),
        _ => {}
    }
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Role;

    fn org(id: &str) -> ProviderId {
        ProviderId::parse(id).unwrap()
    }

    fn contributor(of: &str) -> Actor {
        Actor {
            user_id: Some(7),
            name: "C".into(),
            role: Role::Contributor,
            org: Some(org(of)),
        }
    }

    fn standing(state: ListingState, revision: Option<RevisionState>) -> Standing {
        Standing {
            org: org("jclec"),
            state,
            has_published: state == ListingState::Published,
            revision,
        }
    }

    #[test]
    fn the_whole_path_from_draft_to_published() {
        let owner = contributor("jclec");
        let secretariat = Actor::operator();
        let jclec = org("jclec");
        let created = decide(&owner, Action::Write { submit: false }, None, &jclec).unwrap();
        assert_eq!(created.state, ListingState::Draft);
        let draft = standing(ListingState::Draft, Some(RevisionState::Draft));
        let submitted = decide(&owner, Action::Submit, Some(&draft), &jclec).unwrap();
        assert_eq!(submitted.state, ListingState::Submitted);
        let waiting = standing(ListingState::Submitted, Some(RevisionState::Submitted));
        let sent_back =
            decide(&secretariat, Action::RequestChanges, Some(&waiting), &jclec).unwrap();
        assert_eq!(sent_back.state, ListingState::ChangesRequested);
        let approved = decide(&secretariat, Action::Approve, Some(&waiting), &jclec).unwrap();
        assert_eq!(approved.state, ListingState::Published);
        assert!(approved.public_change);
    }

    #[test]
    fn a_revision_of_a_published_listing_keeps_it_published() {
        let owner = contributor("jclec");
        let live = standing(ListingState::Published, None);
        let edit = decide(
            &owner,
            Action::Write { submit: true },
            Some(&live),
            &org("jclec"),
        )
        .unwrap();
        assert_eq!(edit.state, ListingState::Published);
        assert_eq!(edit.revision, Some(RevisionState::Submitted));
        assert!(!edit.public_change);
    }

    #[test]
    fn refusals() {
        let other = contributor("iom");
        let owner = contributor("jclec");
        let jclec = org("jclec");
        let waiting = standing(ListingState::Submitted, Some(RevisionState::Submitted));
        for action in [
            Action::Write { submit: false },
            Action::Submit,
            Action::Withdraw,
            Action::Confirm,
        ] {
            assert!(matches!(
                decide(&other, action, Some(&waiting), &jclec),
                Err(Refusal::Forbidden(_))
            ));
        }
        for action in [Action::Approve, Action::RequestChanges, Action::Archive] {
            assert!(matches!(
                decide(&owner, action, Some(&waiting), &jclec),
                Err(Refusal::Forbidden(_))
            ));
        }
        assert!(matches!(
            decide(&owner, Action::Submit, Some(&waiting), &jclec),
            Err(Refusal::Conflict(_))
        ));
        let archived = standing(ListingState::Archived, None);
        assert!(matches!(
            decide(
                &owner,
                Action::Write { submit: true },
                Some(&archived),
                &jclec
            ),
            Err(Refusal::Conflict(_))
        ));
    }

    #[test]
    fn diff_names_each_changed_field() {
        let before: Listing = serde_json::from_value(serde_json::json!({
            "id": "x-1", "kind": "course", "title": "Old", "summary": "S",
            "topics": ["document-examination"], "languages": ["en"],
            "provider": {"id": "p1", "name": "P", "type": "academic", "country": "TH"},
            "contact": {"name": "D", "email": "d@example.org"}
        }))
        .unwrap();
        let mut after = before.clone();
        after.title = "New".into();
        after.contact.email = "e@example.org".into();
        after.url = Some("https://example.org".into());
        let changes = diff(Some(&before), &after);
        let fields: Vec<&str> = changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["title", "contact.email", "url"]);
        assert_eq!(changes[0].before.as_deref(), Some("Old"));
        assert_eq!(changes[0].after.as_deref(), Some("New"));
        assert_eq!(changes[2].before, None);
        assert!(diff(Some(&before), &before).is_empty());
        assert!(diff(None, &before).iter().any(|c| c.field == "title"));
    }
}
