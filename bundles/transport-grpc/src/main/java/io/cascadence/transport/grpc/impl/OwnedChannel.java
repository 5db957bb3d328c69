package io.cascadence.transport.grpc.impl;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;

/**
 * A plaintext gRPC channel with threads of its own: one Netty event loop, a pool for call callbacks and name
 * resolution, and a timer for re-subscribing. gRPC's defaults share process-wide threads that outlive a bundle;
 * once the bundle is stopped their next task fails with NoClassDefFoundError, so {@link #close()} stops every
 * thread this channel started. The channel is built with {@code NettyChannelBuilder.forTarget}, the Netty form of
 * {@code Grpc.newChannelBuilder}, because only it accepts an event loop of the caller's.
 */
final class OwnedChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OwnedChannel.class);
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    /** How long close() lets calls in flight finish before cancelling them. */
    private static final long GRACE_MS = 2_000;

    final ManagedChannel channel;
    final ScheduledExecutorService timer;
    private final EventLoopGroup loop;
    private final ExecutorService callbacks;

    /**
     * @param target a gRPC target, {@code host:port} or a target URI
     * @throws IllegalArgumentException when gRPC does not take the target (an unknown URI scheme)
     */
    OwnedChannel(String target) {
        String prefix = "cascadence-grpc-" + CHANNELS.incrementAndGet();
        loop = new MultiThreadIoEventLoopGroup(1, threads(prefix + "-io"), NioIoHandler.newFactory());
        callbacks = Executors.newCachedThreadPool(threads(prefix + "-call"));
        timer = Executors.newSingleThreadScheduledExecutor(threads(prefix + "-timer"));
        try {
            channel = NettyChannelBuilder.forTarget(target, InsecureChannelCredentials.create())
                    .eventLoopGroup(loop)
                    .channelType(NioSocketChannel.class)
                    .executor(callbacks)
                    .offloadExecutor(callbacks)
                    .build();
        } catch (RuntimeException e) {
            stopThreads();
            throw e;
        }
    }

    /** Shuts the channel down, cancelling calls still running after a grace period, then stops the threads. */
    @Override
    public void close() {
        try {
            channel.shutdown();
            if (!channel.awaitTermination(GRACE_MS, TimeUnit.MILLISECONDS)) {
                channel.shutdownNow();
                channel.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Shutting the gRPC channel down failed", e);
        }
        stopThreads();
    }

    private void stopThreads() {
        timer.shutdownNow();
        callbacks.shutdownNow();
        try {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(3, TimeUnit.SECONDS);
            timer.awaitTermination(1, TimeUnit.SECONDS);
            callbacks.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("Stopping the gRPC threads failed", e);
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
