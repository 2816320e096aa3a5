#ifndef CSOCKETSHIMS_H
#define CSOCKETSHIMS_H
#include <sys/socket.h>
#if defined(__linux__)
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif

/// accept4(2) with SOCK_NONBLOCK | SOCK_CLOEXEC: glibc declares accept4 only under _GNU_SOURCE, which Swift's
/// Glibc module does not set. Falls back to accept + fcntl where accept4 does not exist.
int newslens_accept_nonblocking(int fd, struct sockaddr *address, socklen_t *length);

#endif
