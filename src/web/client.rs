//! Who is asking: the address a request comes from, which rate limits count
//! by and the access log names. Behind a reverse proxy every connection
//! comes from the proxy, so the address the proxy forwards is believed, but
//! only from proxies the operator named: anyone else could write the
//! header.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use forwarded_header_value::ForwardedStanza;
use ipnet::IpNet;

/// The address a request comes from, as far as it can be known; set on
/// every request by [`find_client`] (0.0.0.0 when the connection has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ClientAddr(pub IpAddr);

/// Which header a trusted proxy forwards the client's address in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ProxyHeader {
    /// `X-Forwarded-For: client, proxy1` (nginx, Caddy, most proxies).
    #[default]
    XForwardedFor,
    /// RFC 7239's `Forwarded: for=client, for=proxy1`.
    Forwarded,
}

/// The reverse proxies whose word on the client's address is believed.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    networks: Arc<[IpNet]>,
    header: ProxyHeader,
}

impl TrustedProxies {
    /// Proxies in `networks`, forwarding in `header`.
    pub fn new(networks: Vec<IpNet>, header: ProxyHeader) -> Self {
        TrustedProxies {
            networks: networks.into(),
            header,
        }
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.networks.iter().any(|net| net.contains(&address))
    }

    /// The client's address for a request that reached us from `peer`.
    ///
    /// Each proxy appends the address it was reached from, so the header is
    /// read from the right: while the hop in hand is a trusted proxy, the
    /// address it wrote is the next hop. The first hop not trusted is the
    /// client. Whatever lies left of it was written by the client and is
    /// never read; an element that cannot be read stops the walk at the
    /// proxy that passed it on.
    pub fn client(&self, peer: IpAddr, headers: &axum::http::HeaderMap) -> IpAddr {
        let mut hop = peer.to_canonical();
        if !self.trusts(hop) {
            return hop;
        }
        let name = match self.header {
            ProxyHeader::XForwardedFor => "x-forwarded-for",
            ProxyHeader::Forwarded => "forwarded",
        };
        // Several headers of the name form one list, in order.
        let values: Vec<&str> = headers
            .get_all(name)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .collect();
        for element in values.iter().rev().flat_map(|value| value.rsplit(',')) {
            let element = element.trim();
            if element.is_empty() {
                continue;
            }
            let forwarded = match self.header {
                ProxyHeader::XForwardedFor => forwarded_for(element),
                ProxyHeader::Forwarded => ForwardedStanza::from_str(element)
                    .ok()
                    .and_then(|stanza| stanza.forwarded_for_ip()),
            };
            let Some(address) = forwarded else { break };
            hop = address.to_canonical();
            if !self.trusts(hop) {
                break;
            }
        }
        hop
    }
}

/// One element of `X-Forwarded-For`: an address, some proxies adding a port.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element
        .parse::<IpAddr>()
        .ok()
        .or_else(|| element.parse::<SocketAddr>().ok().map(|addr| addr.ip()))
}

/// Sets [`ClientAddr`] on the request from the connection's peer address
/// and, when the peer is a trusted proxy, the header it forwards.
pub async fn find_client(
    State(proxies): State<TrustedProxies>,
    mut request: Request,
    next: Next,
) -> Response {
    // Served without a peer address (not over TCP), every request counts
    // as coming from one unknown address rather than failing.
    let peer = request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(addr)| addr.ip());
    let client = proxies.client(peer, request.headers());
    request.extensions_mut().insert(ClientAddr(client));
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use axum::http::{HeaderMap, HeaderValue};

    use super::*;

    fn headers(name: &'static str, values: &[&'static str]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for value in values {
            headers.append(name, HeaderValue::from_static(value));
        }
        headers
    }

    fn proxies(header: ProxyHeader) -> TrustedProxies {
        TrustedProxies::new(
            vec!["10.0.0.0/8".parse().unwrap(), "fd00::/8".parse().unwrap()],
            header,
        )
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        let claims = headers("x-forwarded-for", &["198.51.100.7"]);
        let client = proxies(ProxyHeader::XForwardedFor).client(ip("203.0.113.9"), &claims);
        assert_eq!(client, ip("203.0.113.9"));
        let nobody = TrustedProxies::default();
        assert_eq!(nobody.client(ip("10.1.1.1"), &claims), ip("10.1.1.1"));
    }

    #[test]
    fn a_trusted_proxy_is_believed_and_what_the_client_wrote_is_not() {
        let proxies = proxies(ProxyHeader::XForwardedFor);
        // The client wrote 1.1.1.1; the proxy appended where it came from.
        let chain = headers("x-forwarded-for", &["1.1.1.1, 198.51.100.7"]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("198.51.100.7"));
        // Two proxies of ours, the second header line from the nearest one.
        let chain = headers("x-forwarded-for", &["garbage, 198.51.100.7", "10.0.0.3"]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("198.51.100.7"));
        // A port after the address, and an IPv4 peer seen as IPv6.
        let chain = headers("x-forwarded-for", &["198.51.100.7:4711"]);
        assert_eq!(
            proxies.client(ip("::ffff:10.0.0.2"), &chain),
            ip("198.51.100.7")
        );
        // Nothing forwarded, or nothing readable: the proxy itself.
        assert_eq!(
            proxies.client(ip("10.0.0.2"), &HeaderMap::new()),
            ip("10.0.0.2")
        );
        let chain = headers("x-forwarded-for", &["not an address"]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("10.0.0.2"));
        // The other header is not read.
        let chain = headers("forwarded", &["for=198.51.100.7"]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("10.0.0.2"));
    }

    #[test]
    fn the_forwarded_header_is_read_the_same_way() {
        let proxies = proxies(ProxyHeader::Forwarded);
        let chain = headers(
            "forwarded",
            &[r#"for=1.1.1.1, for="[2001:db8::17]:4711";proto=https, for=fd00::3"#],
        );
        assert_eq!(proxies.client(ip("fd00::1"), &chain), ip("2001:db8::17"));
        let chain = headers("forwarded", &["for=unknown"]);
        assert_eq!(proxies.client(ip("10.0.0.2"), &chain), ip("10.0.0.2"));
    }
}
