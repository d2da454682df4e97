"""associations: the trainers who accompany each one

Revision ID: b31f998dfeeb
Revises: e73dc7ff9a25
Create Date: 2026-11-26 01:34:28.882501

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = 'b31f998dfeeb'
down_revision = 'e73dc7ff9a25'
branch_labels = None
depends_on = None


def upgrade():
    # Reviewed: a new table only.
    op.create_table('association_trainers',
    sa.Column('association_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['association_id'], ['associations.id'], name=op.f('fk_association_trainers_association_id_associations'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_association_trainers_user_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('association_id', 'user_id', name=op.f('pk_association_trainers'))
    )


def downgrade():
    op.drop_table('association_trainers')
