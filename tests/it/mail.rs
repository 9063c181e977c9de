//! Mail: without a mail server it waits in the outbox; with one, the outbox
//! is sent through SMTP and each message marked sent.

use catalogue::app::{self, Mailer};
use catalogue::domain::Role;
use catalogue::store::Mail;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

use crate::helpers::TestApp;

/// A minimal SMTP server that accepts every message and hands back what it
/// received, one string per connection.
pub async fn fake_smtp_server(
    refuse_recipient: bool,
) -> (String, tokio::sync::mpsc::UnboundedReceiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("smtp://{}", listener.local_addr().unwrap());
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let mut transcript = String::new();
                write.write_all(b"220 test ESMTP\r\n").await.unwrap();
                let mut in_data = false;
                while let Ok(Some(line)) = lines.next_line().await {
                    transcript.push_str(&line);
                    transcript.push('\n');
                    if in_data {
                        if line == "." {
                            in_data = false;
                            write.write_all(b"250 queued\r\n").await.unwrap();
                        }
                        continue;
                    }
                    let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
                    let reply: &[u8] = match verb.as_str() {
                        "EHLO" => b"250-test\r\n250 8BITMIME\r\n",
                        "RCPT" if refuse_recipient => b"550 no such mailbox\r\n",
                        "DATA" => {
                            in_data = true;
                            b"354 go ahead\r\n"
                        }
                        "QUIT" => {
                            write.write_all(b"221 bye\r\n").await.unwrap();
                            break;
                        }
                        _ => b"250 ok\r\n",
                    };
                    write.write_all(reply).await.unwrap();
                }
                let _ = tx.send(transcript);
            });
        }
    });
    (address, rx)
}

#[tokio::test]
async fn with_an_smtp_server_the_outbox_is_sent_and_marked() {
    let app = TestApp::with_fixtures().await;
    let store = &app.catalogue.store;
    let account = store
        .add_account(
            "budi@example.go.id",
            "Budi",
            Role::Contributor,
            Some(&catalogue::domain::ProviderId::parse("jclec").unwrap()),
        )
        .await
        .unwrap();
    let link = app::mail::send_link(
        store,
        &account,
        catalogue::store::LinkPurpose::Invite,
        |secret| format!("https://catalogue.example.org/links/{secret}"),
    )
    .await
    .unwrap();
    assert!(
        link.starts_with("https://catalogue.example.org/links/"),
        "{link}"
    );
    let queued = app.last_mail_to("budi@example.go.id").await.unwrap();
    assert!(queued.sent_at.is_none(), "waits in the outbox until sent");

    let (url, mut received) = fake_smtp_server(false).await;
    let mailer = Mailer::new(
        &url,
        "Regional Training Catalogue <no-reply@catalogue.example.org>",
    )
    .unwrap();
    app::send_outbox(store, &mailer).await;
    let transcript = received.recv().await.unwrap();
    assert!(
        transcript.contains("RCPT TO:<budi@example.go.id>"),
        "{transcript}"
    );
    assert!(
        transcript.contains("Subject: Your invitation to the Regional Training Catalogue"),
        "{transcript}"
    );
    // Long lines travel quoted-printable, broken with soft line breaks.
    let body = transcript.replace("=\n", "");
    assert!(
        body.contains(&link),
        "the link travels in the body: {transcript}"
    );
    let sent = app.last_mail_to("budi@example.go.id").await.unwrap();
    assert!(sent.sent_at.is_some());
    // Sent mail is not sent again.
    app::send_outbox(store, &mailer).await;
    assert!(
        tokio::time::timeout(std::time::Duration::from_millis(300), received.recv())
            .await
            .is_err()
    );
}

#[tokio::test]
async fn a_refused_message_stays_in_the_outbox_with_the_reason_until_attempts_run_out() {
    let app = TestApp::empty().await;
    let store = &app.catalogue.store;
    store
        .queue_mail(&Mail {
            recipient: "gone@example.org".into(),
            subject: "Hello".into(),
            body: "Body".into(),
        })
        .await
        .unwrap();
    let (url, _received) = fake_smtp_server(true).await;
    let mailer = Mailer::new(&url, "catalogue@example.org").unwrap();
    for _ in 0..(app::MAX_MAIL_ATTEMPTS + 2) {
        app::send_outbox(store, &mailer).await;
    }
    let mail = app.last_mail_to("gone@example.org").await.unwrap();
    assert!(mail.sent_at.is_none());
    assert_eq!(mail.attempts, app::MAX_MAIL_ATTEMPTS, "stops retrying");
    assert!(mail.last_error.unwrap().contains("no such mailbox"));
}

#[test]
fn bad_mail_settings_are_explained() {
    let err = Mailer::new("ftp://x", "a@example.org").unwrap_err();
    assert!(
        format!("{err:#}").contains("SMTP URL is not valid"),
        "{err:#}"
    );
    let err = Mailer::new("smtp://localhost:25", "not an address").unwrap_err();
    assert!(format!("{err:#}").contains("sender address"), "{err:#}");
}
