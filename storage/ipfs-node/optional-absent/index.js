// js-ipfs tries to load wrtc / electron-webrtc and carries on without WebRTC when that fails.
// The Datagora node runs offline on loopback, so WebRTC stays off; their real packages would download
// native binaries from outside the npm registry at install time, which this project never does.
throw new Error('WebRTC transports are not installed in the Datagora IPFS node');
