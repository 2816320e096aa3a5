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

/// An anonymous in-memory file (memfd_create, close-on-exec, sealed against writes and resizing) holding
/// `count` bytes copied from `bytes`, for sendfile; -1 where memfd_create is missing or fails (too many descriptors), errno set.
int newslens_memory_file(const void *bytes, long count);

/// sendfile(2) of `count` bytes of `in_fd` from `*offset` to the socket `out_fd`; advances `*offset`.
/// -1 with errno ENOSYS where sendfile does not exist.
long newslens_sendfile(int out_fd, int in_fd, long *offset, long count);

#endif
