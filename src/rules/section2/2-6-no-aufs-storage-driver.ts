// CIS 2.6: the aufs storage driver is not used.
import { storageDriverRule } from './storage-driver.js';

export const noAufsStorageDriverRule = storageDriverRule(
  {
    id: '2.6',
    aliases: { '1.7.0': '2.6', '1.6.0': '2.6' },
    title: 'Ensure aufs storage driver is not used',
    level: 1,
    automated: false,
    severity: 'medium',
    rationale:
      'aufs is an out-of-tree, unmaintained driver with known kernel crashes and no security fixes; it was deprecated and then removed from Docker Engine 24.0.',
    impact: 'Images, containers and volumes stored by aufs are not visible to the new driver: they must be exported or rebuilt and containers recreated.',
    remediation:
      'Save or push the images you need, remove the aufs storage-driver setting so dockerd uses overlay2, restart dockerd, then pull or load the images and recreate the containers.',
    references: [
      'https://docs.docker.com/engine/storage/drivers/select-storage-driver/',
      'https://docs.docker.com/engine/deprecated/#aufs-storage-driver',
      'CIS Docker Benchmark v1.8.0, 2.6',
    ],
  },
  'aufs',
);
