// CIS 2.7 (new in v1.8.0, so no older ids): the devicemapper storage driver is not used.
import { storageDriverRule } from './storage-driver.js';

export const noDevicemapperStorageDriverRule = storageDriverRule(
  {
    id: '2.7',
    aliases: {},
    title: 'Ensure devicemapper storage driver is not used',
    level: 1,
    automated: false,
    severity: 'medium',
    rationale:
      'devicemapper (especially in loop-lvm mode) is slow, prone to running out of metadata space and no longer maintained; it was deprecated in favour of overlay2 and removed from Docker Engine 25.0.',
    impact:
      'Images, containers and volumes stored by devicemapper are not visible to the new driver: they must be exported or rebuilt and containers recreated; the thin pool can be reclaimed afterwards.',
    remediation:
      'Save or push the images you need, remove the devicemapper storage-driver setting and its dm.* storage options so dockerd uses overlay2, restart dockerd, then pull or load the images and recreate the containers.',
    references: [
      'https://docs.docker.com/engine/storage/drivers/select-storage-driver/',
      'https://docs.docker.com/engine/deprecated/#device-mapper-storage-driver',
      'CIS Docker Benchmark v1.8.0, 2.7',
    ],
  },
  'devicemapper',
);
