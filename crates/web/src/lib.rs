//! cryptoreg's web app: server-rendered HTML pages, a JSON twin of each built from the same context struct,
//! and the generated OpenAPI document. The only crate that knows HTTP.

mod assets;
mod cache;
mod error;
pub mod openapi;
mod pages;
mod picker;
mod render;
mod respond;
mod router;
mod security;
mod state;
mod world;

pub use cache::DEFAULT_CAPACITY_MB as DEFAULT_CACHE_MB;
pub use router::app;
pub use state::AppState;

use std::net::SocketAddr;

/// Serves `state` on `addr` until Ctrl-C; logs the address once listening.
pub async fn serve(state: AppState, addr: SocketAddr) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let local = listener.local_addr()?;
    tracing::info!("cryptoreg listening on http://{local}");
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
}
