//! `cryptoreg serve`: loads the dataset and runs the web app until Ctrl-C.

use crate::cli::ServeArgs;
use crate::data;
use std::path::Path;
use std::process::ExitCode;

pub fn run(data_dir: Option<&Path>, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()))
        .init();
    let dataset = data::load(data_dir)?;
    tracing::info!("loaded {} frameworks, {} aspects", dataset.frameworks.len(), dataset.aspects.len());
    let runtime = tokio::runtime::Runtime::new()?;
    runtime.block_on(cryptoreg_web::serve(
        cryptoreg_web::AppState::new(dataset).with_cache_mb(args.cache_mb),
        args.addr,
    ))?;
    Ok(ExitCode::SUCCESS)
}
