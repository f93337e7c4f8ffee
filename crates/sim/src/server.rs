//! A listener per platform that can be stopped and started again on the same port, so
//! "connection refused" is real: stopping drops the listening socket and every open
//! connection (an aborted task drops its socket).

use std::net::SocketAddr;

use axum::Router;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

pub(crate) struct Server {
    pub addr: SocketAddr,
    router: Router,
    task: Option<JoinHandle<()>>,
}

impl Server {
    pub async fn bind(addr: SocketAddr, router: Router) -> std::io::Result<Self> {
        let listener = TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let task = tokio::spawn(accept_loop(listener, router.clone()));
        Ok(Server {
            addr,
            router,
            task: Some(task),
        })
    }

    pub fn is_running(&self) -> bool {
        self.task.is_some()
    }

    /// Stop listening and cut every connection; returns once the socket is closed.
    pub async fn stop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
            let _ = task.await;
        }
    }

    /// Listen again on the same address.
    pub async fn start(&mut self) -> std::io::Result<()> {
        if self.task.is_none() {
            let listener = TcpListener::bind(self.addr).await?;
            self.task = Some(tokio::spawn(accept_loop(listener, self.router.clone())));
        }
        Ok(())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

async fn accept_loop(listener: TcpListener, router: Router) {
    // Owned here so that aborting this task aborts every connection with it.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let service = TowerToHyperService::new(router.clone());
                connections.spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}
