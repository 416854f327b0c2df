-- The tables an application's parts were read from before V20 moved them into its row.
DROP TABLE IF EXISTS application_pre_approval, application_material, application_service;
