//! A real HTTP cache in front of the server (nginx's `proxy_cache`, from Debian's packages): it keeps answers by
//! their `Cache-Control`, serves repeats without reaching the server, and revalidates with the `ETag` (issue #14).
//! Ignored by a plain `cargo test` (it needs nginx); `scripts/test` runs it.

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A minimal HTTP/1.0 GET: the status line and headers, lower-cased names.
fn get(port: u16, path: &str, extra: &str) -> (String, Vec<(String, String)>) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    write!(stream, "GET {path} HTTP/1.0\r\nHost: localhost\r\n{extra}\r\n").expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let text = String::from_utf8_lossy(&raw);
    let head = text.split("\r\n\r\n").next().unwrap_or_default();
    let mut lines = head.lines();
    let status = lines.next().unwrap_or_default().to_owned();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    (status, headers)
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> &'a str {
    headers.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

/// A free port on the loopback interface.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs nginx: run by scripts/test"]
async fn nginx_serves_repeats_from_its_cache_without_reaching_the_server() {
    // The server, counting the requests that reach it.
    let reached = Arc::new(AtomicUsize::new(0));
    let counter = reached.clone();
    let app = cryptoreg_web::app(cryptoreg_web::AppState::new(crate::harness::fixture())).layer(
        axum::middleware::from_fn(move |request: axum::extract::Request, next: axum::middleware::Next| {
            counter.fetch_add(1, Ordering::SeqCst);
            next.run(request)
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let upstream = listener.local_addr().expect("address").port();
    tokio::spawn(async move { axum::serve(listener, app).await });

    // nginx with a disk cache in a fresh directory that its workers may write.
    let dir = std::env::temp_dir().join(format!("cryptoreg-proxy-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("cache")).expect("cache directory");
    let open = |p: &std::path::Path| {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o777)).expect("chmod");
    };
    open(&dir);
    open(&dir.join("cache"));
    let port = free_port();
    let d = dir.display();
    let conf = format!(
        "worker_processes 1; daemon off; pid {d}/nginx.pid; error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{ access_log off;
  client_body_temp_path {d}/b; proxy_temp_path {d}/p; fastcgi_temp_path {d}/f; uwsgi_temp_path {d}/u;
  scgi_temp_path {d}/s;
  proxy_cache_path {d}/cache keys_zone=answers:1m;
  server {{ listen 127.0.0.1:{port};
    location / {{ proxy_pass http://127.0.0.1:{upstream}; proxy_cache answers; proxy_cache_revalidate on;
      add_header X-Cache $upstream_cache_status always; }} }} }}"
    );
    std::fs::write(dir.join("nginx.conf"), conf).expect("write nginx.conf");
    let nginx = ["/usr/sbin/nginx", "nginx"]
        .iter()
        .find_map(|bin| std::process::Command::new(bin).arg("-c").arg(dir.join("nginx.conf")).spawn().ok())
        .expect("nginx is installed (Debian package nginx; scripts/test installs it)");
    let mut nginx = Nginx(nginx);
    let up = (0..100).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(50));
        TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(up, "nginx did not start: {}", std::fs::read_to_string(dir.join("error.log")).unwrap_or_default());

    let page = "/compare?f=alpha-law&f=beta-standard";
    let (status, first) = tokio::task::spawn_blocking(move || get(port, page, "")).await.expect("first");
    assert!(status.contains("200"), "{status}");
    assert_eq!(header(&first, "x-cache"), "MISS");
    assert!(header(&first, "cache-control").contains("max-age="), "the server says how long to keep it");
    let tag = header(&first, "etag").to_owned();
    assert!(!tag.is_empty(), "an ETag passes through the cache");
    for _ in 0..3 {
        let (status, again) = tokio::task::spawn_blocking(move || get(port, page, "")).await.expect("repeat");
        assert!(status.contains("200"), "{status}");
        assert_eq!(header(&again, "x-cache"), "HIT", "a repeat is served by the cache");
        assert_eq!(header(&again, "etag"), tag);
    }
    assert_eq!(reached.load(Ordering::SeqCst), 1, "only the first request reached the server");
    // A client that has the answer gets 304 from the cache, with no body and no trip to the server.
    let validator = format!("If-None-Match: {tag}\r\n");
    let (status, _) = tokio::task::spawn_blocking(move || get(port, page, &validator)).await.expect("conditional");
    assert!(status.contains("304"), "{status}");
    assert_eq!(reached.load(Ordering::SeqCst), 1);
    nginx.stop();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The nginx master process, stopped when the test ends, even when an assertion fails.
struct Nginx(std::process::Child);

impl Nginx {
    /// SIGTERM (a fast shutdown that also ends the workers), then wait for it.
    fn stop(&mut self) {
        let _ = std::process::Command::new("kill").arg(self.0.id().to_string()).status();
        let _ = self.0.wait();
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        self.stop();
    }
}
