using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace SdkNodes;

// The limiter's waiters and leases.
internal sealed partial class SlidingWindowRateLimiter
{
    /// <summary>A caller waiting for a permit; its task is the caller's. Continuations never run inline in the limiter.</summary>
    private sealed class Waiter(SlidingWindowRateLimiter limiter, int count)
        : TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        /// <summary>1, or 0 for a caller that only waits until a permit could be granted.</summary>
        public int Count { get; } = count;

        public SlidingWindowRateLimiter Limiter { get; } = limiter;

        /// <summary>In the line; changed only under the limiter's lock.</summary>
        public bool IsQueued { get; set; }

        public Waiter? Previous { get; set; }

        public Waiter? Next { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>A lease to share: granting allocates nothing, and disposing one gives nothing back.</summary>
    private sealed class Lease(bool isAcquired, string? reason) : RateLimitLease
    {
        private readonly string[] _names = reason is null ? [] : [MetadataName.ReasonPhrase.Name];

        public override bool IsAcquired => isAcquired;

        public override IEnumerable<string> MetadataNames => _names;

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (reason is not null && metadataName == MetadataName.ReasonPhrase.Name)
            {
                metadata = reason;
                return true;
            }

            metadata = null;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            // Nothing to give back: a permit returns when its grant leaves the window.
        }
    }
}
